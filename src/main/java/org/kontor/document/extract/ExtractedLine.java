package org.kontor.document.extract;

import java.math.BigDecimal;
import java.util.stream.DoubleStream;

/** One row of a purchase order's line table; a column the document does not have is a missing field. */
public record ExtractedLine(ExtractedField<String> sku, ExtractedField<String> description,
        ExtractedField<Integer> quantity, ExtractedField<BigDecimal> unitPrice, ExtractedField<BigDecimal> amount) {

    /** What an order line needs: SKU, quantity and unit price (the amount only checks them). */
    public double confidence() {
        return DoubleStream.of(sku.confidence(), quantity.confidence(), unitPrice.confidence()).min().orElse(0);
    }

    /** Whether the quantity was read from its cell, not worked out from amount / price. */
    public boolean quantityRead() {
        return read(quantity);
    }

    static boolean read(ExtractedField<Integer> quantity) {
        return quantity.present() && quantity.raw() != null
                && quantity.value().equals(NumberParser.quantity(quantity.raw(), NumberParser.Decimal.UNKNOWN));
    }

    /** Whether the unit price was read from its cell, not worked out from amount / quantity. */
    public boolean priceRead() {
        if (!unitPrice.present() || unitPrice.raw() == null) {
            return false;
        }
        for (NumberParser.Decimal convention : new NumberParser.Decimal[] {NumberParser.Decimal.POINT, NumberParser.Decimal.COMMA}) {
            NumberParser.Parsed p = NumberParser.parse(unitPrice.raw(), convention);
            if (p != null && p.value().compareTo(unitPrice.value()) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The same without the SKU, which master data may confirm where the scan alone cannot. */
    public double confidenceBesideSku() {
        return Math.min(quantity.confidence(), unitPrice.confidence());
    }
}
