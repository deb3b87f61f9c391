package org.kontor.inventory.count;

import java.time.LocalDateTime;

/** A SKU whose available stock fell below its reorder point, and how much to order. */
public record ReplenishmentSuggestion(long id, String sku, int available, int reorderPoint, int suggestedQuantity,
        String status, String countId, String decidedBy, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String ORDERED = "ORDERED";
    public static final String DISMISSED = "DISMISSED";
}
