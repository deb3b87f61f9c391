package org.kontor.inventory;

/** Published after a goods receipt commits, so that waiting back-orders can be re-checked. */
public record StockReceivedEvent(String sku, int quantity, int available) {
}
