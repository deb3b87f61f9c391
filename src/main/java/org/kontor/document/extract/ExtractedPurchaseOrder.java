package org.kontor.document.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The fields of a purchase order as read from its pages. {@code linesConfidence} is how sure the extractor is
 * that {@code lines} holds every row of the table and nothing else, with each SKU, quantity and unit price right;
 * {@code linesConfidenceBesideSkus} is the same leaving the SKUs' own OCR confidence out (rows, quantities and prices
 * only), for SKUs that master data can confirm; {@code linesConfidenceIfListed} is that again with quantities worked
 * out from amount / price (their cell unreadable) as sure as amount and price, where the amounts add up to the total:
 * it holds when the price list confirms each such line's price.
 */
public record ExtractedPurchaseOrder(ExtractedField<String> poNumber, ExtractedField<String> customerNumber,
        ExtractedField<String> customerName, ExtractedField<LocalDate> orderDate,
        ExtractedField<LocalDate> requestedDeliveryDate, ExtractedField<String> deliveryAddress,
        ExtractedField<BigDecimal> total, List<ExtractedLine> lines, double linesConfidence,
        double linesConfidenceBesideSkus, double linesConfidenceIfListed) {

    public ExtractedPurchaseOrder {
        lines = List.copyOf(lines);
        linesConfidenceBesideSkus = Math.max(linesConfidence, linesConfidenceBesideSkus);
        linesConfidenceIfListed = Math.max(linesConfidenceBesideSkus, linesConfidenceIfListed);
    }

    public ExtractedPurchaseOrder(ExtractedField<String> poNumber, ExtractedField<String> customerNumber,
            ExtractedField<String> customerName, ExtractedField<LocalDate> orderDate,
            ExtractedField<LocalDate> requestedDeliveryDate, ExtractedField<String> deliveryAddress,
            ExtractedField<BigDecimal> total, List<ExtractedLine> lines, double linesConfidence,
            double linesConfidenceBesideSkus) {
        this(poNumber, customerNumber, customerName, orderDate, requestedDeliveryDate, deliveryAddress, total, lines,
                linesConfidence, linesConfidenceBesideSkus, linesConfidenceBesideSkus);
    }

    public ExtractedPurchaseOrder(ExtractedField<String> poNumber, ExtractedField<String> customerNumber,
            ExtractedField<String> customerName, ExtractedField<LocalDate> orderDate,
            ExtractedField<LocalDate> requestedDeliveryDate, ExtractedField<String> deliveryAddress,
            ExtractedField<BigDecimal> total, List<ExtractedLine> lines, double linesConfidence) {
        this(poNumber, customerNumber, customerName, orderDate, requestedDeliveryDate, deliveryAddress, total, lines,
                linesConfidence, linesConfidence);
    }

    /** The same fields with the lines' confidences capped (two readings disagree). */
    ExtractedPurchaseOrder withLinesCappedAt(double cap) {
        return new ExtractedPurchaseOrder(poNumber, customerNumber, customerName, orderDate, requestedDeliveryDate,
                deliveryAddress, total, lines, Math.min(linesConfidence, cap), Math.min(linesConfidenceBesideSkus, cap),
                Math.min(linesConfidenceIfListed, cap));
    }

    /**
     * Names of the fields (poNumber, customerNumber, orderDate, requestedDeliveryDate, total, lines) whose
     * confidence is below the threshold. A document that names its customer only by name or alias is not unsure
     * about {@code customerNumber} when the name was read confidently: master data resolves the name, and a
     * name that resolves to no customer or to several is a validation problem anyway.
     */
    public List<String> unsureFields(double threshold) {
        return unsureFields(threshold, line -> false);
    }

    /**
     * As {@link #unsureFields(double)}, but the lines are sure also when only SKUs were read with less confidence and
     * {@code skuConfirmed} (master data: the catalogue knows the SKU and the line's description or price names that
     * very product) vouches for each of them.
     */
    public List<String> unsureFields(double threshold, Predicate<ExtractedLine> skuConfirmed) {
        return unsureFields(threshold, skuConfirmed, po -> false);
    }

    /**
     * As {@link #unsureFields(double, Predicate)}, and the customer is sure also when read with less confidence but
     * {@code customerConfirmed} (master data: number, name and delivery address read from the page lead to one
     * customer) vouches for it.
     */
    public List<String> unsureFields(double threshold, Predicate<ExtractedLine> skuConfirmed,
            Predicate<ExtractedPurchaseOrder> customerConfirmed) {
        return unsureFields(threshold, skuConfirmed, customerConfirmed, line -> false);
    }

    /**
     * As {@link #unsureFields(double, Predicate, Predicate)}, and the lines are sure also when the only doubt about
     * them is quantities worked out from amount / price and {@code priceListed} (the price list gives that SKU that
     * unit price) vouches for the price of each such line.
     */
    public List<String> unsureFields(double threshold, Predicate<ExtractedLine> skuConfirmed,
            Predicate<ExtractedPurchaseOrder> customerConfirmed, Predicate<ExtractedLine> priceListed) {
        List<String> unsure = new ArrayList<>();
        if (poNumber.confidence() < threshold) {
            unsure.add("poNumber");
        }
        double customer = customerNumber.present() ? customerNumber.confidence()
                : Math.min(customerNumber.confidence(), customerName.confidence());
        if (!customerNumber.present() && customerName.present()) {
            customer = customerName.confidence();
        }
        if (customer < threshold && !customerConfirmed.test(this)) {
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
        Predicate<ExtractedLine> skuSure = l -> l.sku().confidence() >= threshold
                || (l.sku().present() && skuConfirmed.test(l));
        boolean skusConfirmed = linesConfidenceBesideSkus >= threshold && lines.stream().allMatch(skuSure);
        boolean pricesListed = linesConfidenceIfListed >= threshold && lines.stream()
                .allMatch(l -> skuSure.test(l) && (l.quantity().confidence() >= threshold || priceListed.test(l)));
        if ((linesConfidence < threshold && !skusConfirmed && !pricesListed) || lines.isEmpty()) {
            unsure.add("lines");
        }
        return unsure;
    }
}
