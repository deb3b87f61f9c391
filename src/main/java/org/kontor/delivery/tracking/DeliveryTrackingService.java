package org.kontor.delivery.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.kontor.delivery.DeliveryProcess;
import org.kontor.delivery.DeliveryProcess.EventType;
import org.kontor.delivery.DeliveryProcess.Vars;
import org.kontor.delivery.DeliveryProperties;
import org.kontor.order.Order;
import org.kontor.order.OrderService;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries of scheduled orders (SPEC §4.4): one {@code delivery} process per order, started when a plan with
 * the order is approved and woken again when a later plan takes it after a failed attempt. Drivers (or their
 * systems) report DELIVERED or FAILED; silence past the window is the process timer's business.
 */
@Service
public class DeliveryTrackingService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTrackingService.class);

    private final DeliveryRepository deliveries;
    private final OrderService orders;
    private final RuntimeService runtime;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryTrackingService(DeliveryRepository deliveries, OrderService orders, RuntimeService runtime,
            DeliveryProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<Delivery> find(String orderId) {
        return deliveries.find(orderId);
    }

    /** The deliveries of many orders at once, by order id (orders never scheduled are absent). */
    public Map<String, Delivery> find(Collection<String> orderIds) {
        Map<String, Delivery> byOrder = new HashMap<>();
        deliveries.findAll(orderIds).forEach(d -> byOrder.put(d.orderId(), d));
        return byOrder;
    }

    /**
     * Puts a confirmed order on an approved plan: the order becomes SCHEDULED and its delivery records the attempt.
     * Safe to repeat for the same plan. False when the order is no longer confirmed (another plan took it, or it
     * was cancelled meanwhile).
     */
    @Transactional
    public boolean schedule(String orderId, String planId, LocalDate date, String vehicleId, int stopNo,
            LocalDateTime eta, LocalDateTime windowEnd) {
        Optional<Delivery> existing = deliveries.find(orderId);
        if (existing.isPresent() && existing.get().planId().equals(planId)) {
            return true;
        }
        if (!orders.markScheduled(orderId)) {
            return false;
        }
        int attempt = existing.map(d -> d.attempts() + 1).orElse(1);
        Delivery delivery = new Delivery(orderId, DeliveryStatus.SCHEDULED, attempt, planId, date, vehicleId, stopNo, eta,
                windowEnd, null, existing.map(Delivery::processInstanceId).orElse(null));
        if (existing.isPresent()) {
            deliveries.reschedule(delivery);
        } else {
            deliveries.insert(delivery);
        }
        log.info("Order {} scheduled on plan {} for {}: {} stop {}, ETA {} (attempt {})", orderId, planId, date, vehicleId,
                stopNo, eta.toLocalTime(), attempt);
        return true;
    }

    /**
     * Starts the order's delivery process, or wakes the one waiting for a new plan after a failed attempt. Safe to
     * run twice: an instance that already tracks this attempt is left alone.
     */
    @Transactional
    public void track(String orderId) {
        Delivery delivery = deliveries.find(orderId)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no scheduled delivery."));
        ProcessInstance running = delivery.processInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(delivery.processInstanceId()).active().singleResult();
        if (running != null) {
            boolean waitingForPlan = runtime.createEventSubscriptionQuery().processInstanceId(running.getId())
                    .eventType("message").eventName(DeliveryProcess.MESSAGE_RESCHEDULED).count() > 0;
            if (waitingForPlan) {
                runtime.createMessageCorrelation(DeliveryProcess.MESSAGE_RESCHEDULED).processInstanceId(running.getId())
                        .setVariable(Vars.PLAN_ID, delivery.planId()).setVariable(Vars.ESCALATE_AT, escalateAt(delivery))
                        .correlate();
            }
            return;
        }
        String instanceId = runtime.createProcessInstanceByKey(DeliveryProcess.KEY).businessKey(orderId)
                .setVariable(Vars.ORDER_ID, orderId).setVariable(Vars.PLAN_ID, delivery.planId())
                .setVariable(Vars.ESCALATE_AT, escalateAt(delivery)).execute().getId();
        deliveries.setProcessInstance(orderId, instanceId);
    }

    /**
     * A driver's report, correlated with the order's delivery process. A repeated DELIVERED for a delivered order is
     * answered with the delivery as it is; any other event for an order that is not out for delivery is a conflict.
     */
    public Delivery report(String orderId, EventType type, String reason) {
        Order order = orders.get(orderId);
        Delivery delivery = deliveries.find(orderId).orElseThrow(() -> new ConflictException("Order " + orderId
                + " is not scheduled for delivery (it is " + order.status() + "); events are taken for scheduled orders only."));
        if (type == EventType.DELIVERED && delivery.status() == DeliveryStatus.DELIVERED) {
            return delivery;
        }
        if (type == EventType.FAILED && (reason == null || reason.isBlank())) {
            throw new BadRequestException("A FAILED event needs a reason (what happened at the customer).");
        }
        if (delivery.status() != DeliveryStatus.SCHEDULED) {
            throw new ConflictException("Order " + orderId + " is not out for delivery: its delivery is "
                    + delivery.status() + " (attempt " + delivery.attempts() + ").");
        }
        String message = type == EventType.DELIVERED ? DeliveryProcess.MESSAGE_DELIVERED : DeliveryProcess.MESSAGE_FAILED;
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(orderId)
                    .setVariable(Vars.FAILURE_REASON, type == EventType.FAILED ? reason.strip() : null).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("The delivery of order " + orderId + " is not waiting for an event right now "
                    + "(its process may be busy with the previous one); try again in a moment.");
        }
        return deliveries.find(orderId).orElseThrow();
    }

    /** The driver or the dispatcher says the order arrived: stock leaves the books. Safe to run twice. */
    @Transactional
    public void recordDelivered(String orderId, String actor) {
        orders.markDelivered(orderId, actor);
        deliveries.setStatus(orderId, DeliveryStatus.DELIVERED, null);
    }

    /** A failed attempt; answers whether another may be made ({@code kontor.delivery.max-attempts}). */
    @Transactional
    public boolean recordFailure(String orderId, String reason) {
        Delivery delivery = deliveries.find(orderId).orElseThrow();
        deliveries.setStatus(orderId, delivery.status(), reason == null ? "no reason given" : reason);
        boolean attemptsLeft = delivery.attempts() < properties.maxAttempts();
        log.info("Order {}: delivery attempt {} of {} failed: {}", orderId, delivery.attempts(), properties.maxAttempts(),
                reason);
        return attemptsLeft;
    }

    /** After a failed attempt with attempts left: the order is confirmed again, so the next plan takes it. */
    @Transactional
    public void requeue(String orderId) {
        orders.returnToPlanning(orderId);
        deliveries.setStatus(orderId, DeliveryStatus.AWAITING_REPLAN, null);
    }

    /** After the last failed attempt: the stock is released and the order ends FAILED. */
    @Transactional
    public void returnToStock(String orderId, String actor) {
        orders.failDelivery(orderId, actor);
        deliveries.setStatus(orderId, DeliveryStatus.RETURNED, null);
    }

    /** The dispatcher waits a little longer for a late delivery. */
    public Date extendWatch(int minutes) {
        return Date.from(clock.instant().plusSeconds(Math.max(1, minutes) * 60L));
    }

    /** When silence about this attempt becomes the dispatcher's business: end of the window plus grace. */
    Date escalateAt(Delivery delivery) {
        return Date.from(delivery.windowEnd().plus(properties.lateGrace()).atZone(clock.getZone()).toInstant());
    }

    /** A line for the late-delivery form. */
    public String describe(String orderId) {
        Order order = orders.get(orderId);
        return deliveries.find(orderId).map(d -> "Order **" + orderId + "** (PO " + order.poNumber() + ", customer "
                + order.customerNumber() + "), " + d.vehicleId() + " stop " + d.stopNo() + ", ETA " + d.eta().toLocalTime()
                + ", window until " + d.windowEnd().toLocalTime() + " on " + d.deliveryDate() + ", attempt " + d.attempts()
                + (d.reason() == null ? "" : "; last failure: " + d.reason()))
                .orElse("Order **" + orderId + "**");
    }
}
