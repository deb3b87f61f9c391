package org.kontor.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.inventory.InventoryService;
import org.kontor.platform.persistence.ConcurrentInsert;
import org.kontor.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders from receipt to reserved stock. One order per customer and PO number, enforced by the database,
 * so duplicates, also concurrent ones, find the first order instead of making a second.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper FIELDS_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Every change to the stock of several SKUs (reserve, ship, release) takes their rows in this one order, so
     * that concurrent orders never deadlock.
     */
    private static final Comparator<OrderLine> STOCK_LOCK_ORDER =
            Comparator.comparing(OrderLine::sku).thenComparing(OrderLine::lineNo);

    private final OrderRepository orders;
    private final OrderValidator validator;
    private final CustomerMatcher customers;
    private final InventoryService inventory;
    private final DocumentService documents;

    OrderService(OrderRepository orders, OrderValidator validator, CustomerMatcher customers, InventoryService inventory,
            DocumentService documents) {
        this.documents = documents;
        this.orders = orders;
        this.validator = validator;
        this.customers = customers;
        this.inventory = inventory;
    }

    /**
     * The order an intake leads to: a new one ({@code created}, no process yet), or the one the same customer and PO
     * number already made, with its process.
     */
    public record Received(String orderId, String processInstanceId, boolean created) {

        static Received existing(Order order) {
            return new Received(order.orderId(), order.processInstanceId(), false);
        }
    }

    @Transactional
    public Received receive(OrderDraft draft, OrderSource source, String documentId, String receivedBy) {
        OrderDraft keyed = withKnownCustomerNumber(draft);
        if (keyed.customerNumber() != null && keyed.poNumber() != null) {
            Optional<Order> existing = orders.findByCustomerAndPo(keyed.customerNumber(), keyed.poNumber());
            if (existing.isPresent()) {
                return Received.existing(existing.get());
            }
        }
        String orderId = UUID.randomUUID().toString();
        try {
            orders.insert(orderId, keyed, source, documentId, receivedBy);
        } catch (DuplicateKeyException concurrentDuplicate) {
            return Received.existing(ConcurrentInsert.awaitWinner(
                    () -> orders.findByCustomerAndPo(keyed.customerNumber(), keyed.poNumber()),
                    "Order " + keyed.customerNumber() + "/" + keyed.poNumber()));
        }
        log.info("Order {} received ({}) from {}: customer {}, PO {}", orderId, source, receivedBy,
                keyed.customerNumber(), keyed.poNumber());
        // nothing of the new order is read back: the caller needs its id only
        return new Received(orderId, null, true);
    }

    public Order get(String orderId) {
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("No order with id " + orderId + "."));
    }

    public Optional<Order> findByDocument(String documentId) {
        return orders.findByDocument(documentId);
    }

    public List<Order> search(String poNumber, String customerNumber, OrderStatus status, int limit) {
        return orders.search(poNumber, customerNumber, status, Math.min(Math.max(limit, 1), 500));
    }

    @Transactional
    public void attachProcess(String orderId, String processInstanceId) {
        orders.setProcessInstance(orderId, processInstanceId);
    }

    /**
     * Validates the order as stored and keeps what validation resolved. Returns the problems; an order
     * with problems, or with fields read with low confidence ({@code unsureFields}), needs a clerk.
     */
    @Transactional
    public OrderValidator.Validation validate(String orderId, List<String> unsureFields) {
        Order order = get(orderId);
        OrderDraft stored = toDraft(order);
        OrderValidator.Validation validation = validator.validate(stored);
        List<String> problems = new ArrayList<>(validation.problems());
        OrderDraft resolved = validation.resolved();
        // the unique key lets no other order have the pair this order already has: look only for a pair validation changed
        boolean samePair = Objects.equals(resolved.customerNumber(), order.customerNumber())
                && Objects.equals(resolved.poNumber(), order.poNumber());
        if (resolved.customerNumber() != null && resolved.poNumber() != null && !samePair) {
            Optional<Order> other = orders.findByCustomerAndPo(resolved.customerNumber(), resolved.poNumber());
            if (other.isPresent() && !other.get().orderId().equals(orderId)) {
                problems.add("Customer " + resolved.customerNumber() + " already ordered PO " + resolved.poNumber()
                        + " (order " + other.get().orderId() + ", " + other.get().status() + ").");
                resolved = new OrderDraft(order.customerNumber(), resolved.customerName(), order.poNumber(),
                        resolved.orderDate(), resolved.requestedDeliveryDate(), resolved.deliveryAddress(),
                        resolved.total(), resolved.lines());
            }
        }
        unsureFields.forEach(field -> problems.add("Please check " + field + ": the robot could not read it with confidence."));
        // Write only what changed: most orders validate to their lines as stored, and many to their header too, or with
        // just the delivery address filled in from the customer (the customer's name is not stored, so it does not
        // count); a valid order that was valid before has no verdict to write either.
        OrderDraft validated = asStored(resolved);
        boolean review = !problems.isEmpty();
        if (!withoutLines(validated).equals(withoutLines(stored))) {
            orders.updateHeaderAndReview(orderId, resolved, review, problems);
        } else if (review != order.reviewRequired() || !problems.equals(order.problems())) {
            orders.setReview(orderId, review, problems);
        }
        if (!validated.lines().equals(stored.lines())) {
            orders.replaceLines(orderId, resolved.lines());
        }
        if (order.documentId() != null) {
            documents.recordExtraction(order.documentId(), fieldsJson(resolved), null);
        }
        return new OrderValidator.Validation(resolved, List.copyOf(problems), validation.corrections());
    }

    @Transactional
    public void markInReview(String orderId) {
        orders.setStatus(orderId, OrderStatus.IN_REVIEW);
        documentProgress(orderId, DocumentStatus.IN_REVIEW);
    }

    /** What the extraction robot read from the order's document replaces the (empty) order fields. */
    @Transactional
    public void applyExtraction(String orderId, OrderDraft extracted) {
        get(orderId);
        OrderDraft keyed = withKnownCustomerNumber(extracted);
        Optional<Order> other = keyed.customerNumber() == null || keyed.poNumber() == null ? Optional.empty()
                : orders.findByCustomerAndPo(keyed.customerNumber(), keyed.poNumber());
        if (other.isPresent() && !other.get().orderId().equals(orderId)) {
            // keep the pair free for the order that has it; validation then names the duplicate
            orders.updateFromDraft(orderId, new OrderDraft(keyed.customerNumber(), keyed.customerName(), null,
                    keyed.orderDate(), keyed.requestedDeliveryDate(), keyed.deliveryAddress(), keyed.total(), keyed.lines()));
            orders.setReview(orderId, true, List.of("Customer " + keyed.customerNumber() + " already ordered PO "
                    + keyed.poNumber() + " (order " + other.get().orderId() + "): this document looks like a duplicate."));
        } else {
            orders.updateFromDraft(orderId, keyed);
        }
        documentProgress(orderId, DocumentStatus.EXTRACTED);
    }

    /** A clerk's corrections replace the order's fields; validation runs again afterwards. */
    @Transactional
    public void applyReview(String orderId, OrderDraft corrected, String reviewer) {
        get(orderId);
        orders.updateFromDraft(orderId, withKnownCustomerNumber(corrected));
        orders.setReviewedBy(orderId, reviewer);
        log.info("Order {} corrected by {}", orderId, reviewer);
    }

    @Transactional
    public void reject(String orderId, String reviewer) {
        orders.setReviewedBy(orderId, reviewer);
        orders.setStatus(orderId, OrderStatus.REJECTED);
        documentProgress(orderId, DocumentStatus.REJECTED);
        log.info("Order {} rejected by {}", orderId, reviewer);
    }

    /**
     * Reserves what is still missing on every line, SKUs in a fixed order so that concurrent orders never
     * deadlock, all in one transaction. CONFIRMED when everything is reserved, else BACKORDERED.
     */
    @Transactional
    public boolean reserveStock(String orderId) {
        Order order = get(orderId);
        boolean complete = true;
        List<OrderLine> bySku = new ArrayList<>(order.lines());
        bySku.sort(STOCK_LOCK_ORDER);
        for (OrderLine line : bySku) {
            int missing = line.quantity() - line.reservedQuantity();
            if (missing > 0) {
                int got = inventory.reserve(line.sku(), missing, orderId);
                if (got > 0) {
                    orders.addReserved(orderId, line.lineNo(), got);
                }
                complete &= got == missing;
            }
        }
        OrderStatus status = complete ? OrderStatus.CONFIRMED : OrderStatus.BACKORDERED;
        orders.setStatus(orderId, status);
        documentProgress(order, DocumentStatus.ACCEPTED);
        log.info("Order {}: stock {}", orderId, complete ? "reserved, order confirmed" : "partly reserved, back-ordered");
        return complete;
    }

    /** Confirmed orders due for delivery by {@code date} (or without a requested date), the longest waiting first. */
    public List<Order> dueForDelivery(LocalDate date, int limit) {
        return orders.dueForDelivery(date, limit);
    }

    /** How many confirmed orders are due for delivery by {@code date}, without loading them. */
    public int countDueForDelivery(LocalDate date) {
        return orders.countDueForDelivery(date);
    }

    /** A confirmed order goes onto an approved delivery plan; false when it is no longer confirmed. */
    @Transactional
    public boolean markScheduled(String orderId) {
        return orders.transition(orderId, OrderStatus.SCHEDULED, OrderStatus.CONFIRMED);
    }

    /**
     * The order has reached its customer: its reserved stock leaves the warehouse (a shipment movement per line).
     * False, and nothing moves, when the order was not out for delivery (already delivered, say).
     */
    @Transactional
    public boolean markDelivered(String orderId, String actor) {
        if (!orders.transition(orderId, OrderStatus.DELIVERED, OrderStatus.SCHEDULED)) {
            return false;
        }
        for (OrderLine line : reservedLines(get(orderId))) {
            inventory.ship(line.sku(), line.reservedQuantity(), orderId, actor);
        }
        log.info("Order {} delivered (reported by {})", orderId, actor);
        return true;
    }

    /** A failed delivery with attempts left: the order is confirmed again and waits for the next plan. */
    @Transactional
    public boolean returnToPlanning(String orderId) {
        return orders.transition(orderId, OrderStatus.CONFIRMED, OrderStatus.SCHEDULED);
    }

    /** The last delivery attempt failed: the reserved stock is available again and the order ends FAILED. */
    @Transactional
    public boolean failDelivery(String orderId, String actor) {
        if (!orders.transition(orderId, OrderStatus.FAILED, OrderStatus.SCHEDULED, OrderStatus.CONFIRMED)) {
            return false;
        }
        for (OrderLine line : reservedLines(get(orderId))) {
            inventory.release(line.sku(), line.reservedQuantity(), orderId);
            orders.clearReserved(orderId, line.lineNo());
        }
        log.info("Order {}: delivery failed for good (recorded by {}), stock returned", orderId, actor);
        return true;
    }

    /** The lines holding a reservation, in {@link #STOCK_LOCK_ORDER}. */
    private static List<OrderLine> reservedLines(Order order) {
        List<OrderLine> lines = new ArrayList<>(order.lines());
        lines.removeIf(l -> l.sku() == null || l.reservedQuantity() <= 0);
        lines.sort(STOCK_LOCK_ORDER);
        return lines;
    }

    /** The SPEC §5 {@code fields} of a purchase-order document: as resolved against master data, ISO dates. */
    private static String fieldsJson(OrderDraft d) {
        var root = FIELDS_JSON.createObjectNode();
        root.put("poNumber", d.poNumber());
        root.put("customerNumber", d.customerNumber());
        root.put("orderDate", d.orderDate() == null ? null : d.orderDate().toString());
        root.put("requestedDeliveryDate", d.requestedDeliveryDate() == null ? null : d.requestedDeliveryDate().toString());
        root.put("deliveryAddress", d.deliveryAddress());
        root.put("total", d.total());
        var lines = root.putArray("lines");
        for (OrderDraft.Line line : d.lines()) {
            var node = lines.addObject();
            node.put("sku", line.sku());
            node.put("description", line.description());
            node.put("quantity", line.quantity());
            node.put("unitPrice", line.unitPrice());
        }
        return root.toString();
    }

    private void documentProgress(String orderId, DocumentStatus status) {
        documentProgress(get(orderId), status);
    }

    /** {@code order} as loaded in the same transaction: its document does not change. */
    private void documentProgress(Order order, DocumentStatus status) {
        if (order.documentId() != null) {
            documents.orderProgress(order.documentId(), order.orderId(), status);
        }
    }

    /** What {@link OrderRepository#updateFromDraft} would store of a draft, comparable with {@link #toDraft}. */
    private static OrderDraft asStored(OrderDraft d) {
        return new OrderDraft(d.customerNumber(), null, d.poNumber(), d.orderDate(), d.requestedDeliveryDate(),
                d.deliveryAddress(), d.total(), d.lines());
    }

    private static OrderDraft withoutLines(OrderDraft d) {
        return new OrderDraft(d.customerNumber(), d.customerName(), d.poNumber(), d.orderDate(), d.requestedDeliveryDate(),
                d.deliveryAddress(), d.total(), List.of());
    }

    static OrderDraft toDraft(Order order) {
        return new OrderDraft(order.customerNumber(), null, order.poNumber(), order.orderDate(),
                order.requestedDeliveryDate(), order.deliveryAddress(), order.documentTotal(),
                order.lines().stream().map(l -> new OrderDraft.Line(l.sku(), l.description(), l.quantity(), l.unitPrice()))
                        .toList());
    }

    private OrderDraft withKnownCustomerNumber(OrderDraft draft) {
        String number = customers.byNumber(draft.customerNumber()).map(c -> c.customerNumber())
                .orElse(draft.customerNumber() == null ? null : draft.customerNumber().strip());
        String po = draft.poNumber() == null || draft.poNumber().isBlank() ? null : draft.poNumber().strip();
        return new OrderDraft(number, draft.customerName(), po, draft.orderDate(), draft.requestedDeliveryDate(),
                draft.deliveryAddress(), draft.total(), draft.lines());
    }
}
