package org.kontor.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.Product;
import org.springframework.stereotype.Component;

/**
 * Checks an order against master data and its own arithmetic (SPEC §4.2) and resolves what it can:
 * customer by number, name or alias; SKUs exactly or through OCR confusions confirmed by the
 * description. Every doubt becomes a problem a clerk reads in the review task.
 */
@Component
public class OrderValidator {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private final CustomerMatcher customers;
    private final SkuMatcher skus;

    OrderValidator(CustomerMatcher customers, SkuMatcher skus) {
        this.customers = customers;
        this.skus = skus;
    }

    public record Validation(OrderDraft resolved, List<String> problems, List<String> corrections) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Validation validate(OrderDraft draft) {
        List<String> problems = new ArrayList<>();
        List<String> corrections = new ArrayList<>();

        Optional<Customer> customer = customers.byNumber(draft.customerNumber());
        if (customer.isPresent() && !customer.get().customerNumber().equals(draft.customerNumber())) {
            corrections.add("Customer number '" + draft.customerNumber() + "' read as " + customer.get().customerNumber());
        }
        if (customer.isEmpty()) {
            customer = customers.byName(draft.customerName());
            customer.ifPresent(c -> corrections.add("Customer found by name '" + draft.customerName() + "': "
                    + c.customerNumber()));
        }
        if (customer.isEmpty()) {
            problems.add(draft.customerNumber() == null && draft.customerName() == null
                    ? "The order names no customer."
                    : "Customer " + describe(draft.customerNumber(), draft.customerName()) + " is not in the master data.");
        }
        if (draft.poNumber() == null || draft.poNumber().isBlank()) {
            problems.add("The PO number is missing.");
        }
        if (draft.orderDate() != null && draft.requestedDeliveryDate() != null
                && draft.requestedDeliveryDate().isBefore(draft.orderDate())) {
            problems.add("The requested delivery date " + draft.requestedDeliveryDate() + " is before the order date "
                    + draft.orderDate() + ".");
        }
        if (draft.lines().isEmpty()) {
            problems.add("The order has no lines.");
        }

        List<OrderDraft.Line> lines = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean sumKnown = true;
        for (int i = 0; i < draft.lines().size(); i++) {
            OrderDraft.Line line = draft.lines().get(i);
            String where = "Line " + (i + 1);
            String sku = line.sku();
            BigDecimal price = line.unitPrice();
            SkuMatcher.Match match = skus.match(line.sku(), line.description());
            switch (match.kind()) {
                case EXACT -> sku = match.product().sku();
                case CONFUSABLE_CONFIRMED -> {
                    sku = match.product().sku();
                    corrections.add(where + ": SKU '" + line.sku() + "' read as " + sku + " (" + match.product().name() + ")");
                }
                case CONFUSABLE_UNCONFIRMED -> problems.add(where + ": SKU '" + line.sku() + "' is not in the catalogue; did you mean "
                        + match.product().sku() + " (" + match.product().name() + ")?");
                case AMBIGUOUS -> problems.add(where + ": SKU '" + line.sku() + "' could be any of "
                        + match.candidates().stream().map(Product::sku).toList() + ".");
                case UNKNOWN -> problems.add(where + ": SKU '" + (line.sku() == null ? "" : line.sku())
                        + "' is not in the catalogue.");
            }
            if (line.quantity() == null) {
                problems.add(where + ": the quantity is missing.");
            } else if (line.quantity() <= 0) {
                problems.add(where + ": the quantity " + line.quantity() + " is not a positive whole number.");
            }
            if (price == null && match.resolved()) {
                price = match.product().unitPrice();
                corrections.add(where + ": no unit price given; catalogue price " + price + " used");
            }
            if (price != null && price.signum() < 0) {
                problems.add(where + ": the unit price " + price + " is negative.");
            }
            String description = line.description() != null ? line.description()
                    : match.resolved() ? match.product().name() : null;
            if (price == null || line.quantity() == null) {
                sumKnown = false;
            } else {
                sum = sum.add(price.multiply(BigDecimal.valueOf(line.quantity())));
            }
            lines.add(new OrderDraft.Line(sku, description, line.quantity(), price));
        }
        if (draft.total() != null && sumKnown && sum.subtract(draft.total()).abs().compareTo(TOLERANCE) > 0) {
            problems.add("The lines add up to " + sum.toPlainString() + ", but the document total is "
                    + draft.total().toPlainString() + ".");
        }
        String address = draft.deliveryAddress();
        if (address == null) {
            address = customer.map(c -> c.street() + ", " + c.city()).orElse(null);
        } else if (customer.isPresent()) {
            String onRecord = customer.get().street() + ", " + customer.get().city();
            if (!address.equals(onRecord) && AddressMatcher.sameAddress(address, onRecord)) {
                corrections.add("Delivery address '" + address + "' read as the customer's address " + onRecord);
                address = onRecord;
            }
        }
        OrderDraft resolved = new OrderDraft(customer.map(Customer::customerNumber).orElse(draft.customerNumber()),
                customer.map(Customer::name).orElse(draft.customerName()), draft.poNumber(), draft.orderDate(),
                draft.requestedDeliveryDate(), address, draft.total(), lines);
        return new Validation(resolved, List.copyOf(problems), List.copyOf(corrections));
    }

    private static String describe(String number, String name) {
        if (number != null && name != null) {
            return "'" + number + "' (" + name + ")";
        }
        return "'" + (number != null ? number : name) + "'";
    }
}
