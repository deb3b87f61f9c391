package org.kontor.delivery.tracking;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An order's delivery: the attempt it is on, the plan, vehicle and stop of that attempt, its ETA and the end of
 * its delivery window (after which, plus grace, the dispatcher hears of it if nobody reported).
 */
public record Delivery(String orderId, DeliveryStatus status, int attempts, String planId, LocalDate deliveryDate,
        String vehicleId, int stopNo, LocalDateTime eta, LocalDateTime windowEnd, String reason,
        String processInstanceId) {
}
