package org.kontor.inventory;

/** The answer of {@code GET /api/inventory/{sku}}. */
public record StockLevel(String sku, int onHand, int reserved, int available, int reorderPoint) {
}
