package org.kontor.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as it arrived (JSON, spreadsheet, extracted from a document, or corrected by a clerk), before
 * validation. Anything may be missing or wrong; {@link OrderValidator} says what.
 */
public record OrderDraft(
        String customerNumber,
        String customerName,
        String poNumber,
        LocalDate orderDate,
        LocalDate requestedDeliveryDate,
        String deliveryAddress,
        BigDecimal total,
        List<Line> lines) {

    public record Line(String sku, String description, Integer quantity, BigDecimal unitPrice) {
    }

    public OrderDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
