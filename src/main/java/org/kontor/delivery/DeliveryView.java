package org.kontor.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.kontor.delivery.tracking.Delivery;

/**
 * An order's delivery as {@code GET /api/orders/{id}} shows it ({@code delivery}: date, vehicle, stop, ETA) and
 * the events endpoint answers it.
 */
public record DeliveryView(LocalDate date, String vehicleId, int stop, LocalDateTime eta, LocalDateTime windowEnd,
        String status, int attempt, String planId, String lastFailure) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.deliveryDate(), d.vehicleId(), d.stopNo(), d.eta(), d.windowEnd(), d.status().name(),
                d.attempts(), d.planId(), d.reason());
    }
}
