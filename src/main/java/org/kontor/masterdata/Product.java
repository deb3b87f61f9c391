package org.kontor.masterdata;

import java.math.BigDecimal;

/** A sellable article. {@code abcClass} (A, B, C) drives cycle counting and approval rules; it may be unknown. */
public record Product(
        String sku,
        String name,
        BigDecimal unitPrice,
        BigDecimal weightKg,
        int reorderPoint,
        int reorderQuantity,
        String abcClass) {
}
