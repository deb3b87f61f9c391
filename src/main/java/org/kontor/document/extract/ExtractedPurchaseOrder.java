package org.kontor.document.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a purchase order as read from its pages. {@code linesConfidence} is how sure the extractor is
 * that {@code lines} holds every row of the table and nothing else, with each SKU, quantity and unit price right.
 */
public record ExtractedPurchaseOrder(ExtractedField<String> poNumber, ExtractedField<String> customerNumber,
        ExtractedField<String> customerName, ExtractedField<LocalDate> orderDate,
        ExtractedField<LocalDate> requestedDeliveryDate, ExtractedField<String> deliveryAddress,
        ExtractedField<BigDecimal> total, List<ExtractedLine> lines, double linesConfidence) {

    public ExtractedPurchaseOrder {
        lines = List.copyOf(lines);
    }

    /**
     * Names of the fields (poNumber, customerNumber, orderDate, requestedDeliveryDate, total, lines) whose
     * confidence is below the threshold. A document that names its customer only by name or alias is not unsure
     * about {@code customerNumber} when the name was read confidently: master data resolves the name, and a
     * name that resolves to no customer or to several is a validation problem anyway.
     */
    public List<String> unsureFields(double threshold) {
        List<String> unsure = new ArrayList<>();
        if (poNumber.confidence() < threshold) {
            unsure.add("poNumber");
        }
        double customer = customerNumber.present() ? customerNumber.confidence()
                : Math.min(customerNumber.confidence(), customerName.confidence());
        if (!customerNumber.present() && customerName.present()) {
            customer = customerName.confidence();
        }
        if (customer < threshold) {
            unsure.add("customerNumber");
        }
        if (orderDate.confidence() < threshold) {
            unsure.add("orderDate");
        }
        if (requestedDeliveryDate.confidence() < threshold) {
            unsure.add("requestedDeliveryDate");
        }
        if (total.confidence() < threshold) {
            unsure.add("total");
        }
        if (linesConfidence < threshold || lines.isEmpty()) {
            unsure.add("lines");
        }
        return unsure;
    }
}
