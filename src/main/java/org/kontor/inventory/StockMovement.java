package org.kontor.inventory;

import java.time.LocalDateTime;

/** One change of on-hand stock: who, when, why. Stock is never overwritten without one. */
public record StockMovement(long id, String sku, int quantity, MovementType movementType, String reason,
        String reference, String actor, LocalDateTime occurredAt) {
}
