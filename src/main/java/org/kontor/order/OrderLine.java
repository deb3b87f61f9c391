package org.kontor.order;

import java.math.BigDecimal;

/** One line of an order; quantity and price may be missing on an order that still needs review. */
public record OrderLine(int lineNo, String sku, String description, Integer quantity, BigDecimal unitPrice,
        int reservedQuantity) {

    public BigDecimal amount() {
        return quantity == null || unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
