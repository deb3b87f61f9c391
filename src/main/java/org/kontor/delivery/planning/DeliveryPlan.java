package org.kontor.delivery.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * One day's delivery plan: what the solver proposed (and the dispatcher approved). Times are of the delivery date;
 * distances in km (great-circle, see {@code kontor.routing.speed-kmh}), loads in kg.
 */
public record DeliveryPlan(
        String planId,
        LocalDate deliveryDate,
        PlanStatus status,
        String requestedBy,
        String processInstanceId,
        int timeLimitSeconds,
        List<String> excludedVehicles,
        int rounds,
        int orderCount,
        Boolean feasible,
        Integer vehiclesUsed,
        Double totalDistanceKm,
        List<Route> routes,
        List<Unassigned> unassigned,
        Progress progress,
        String approvedBy,
        LocalDateTime approvedAt,
        LocalDateTime createdAt) {

    /** A vehicle's tour: leaves the depot at {@code departure}, is back at {@code returnTime}. */
    public record Route(String vehicleId, double capacityKg, double distanceKm, double loadKg, LocalTime departure,
            LocalTime returnTime, List<Stop> stops) {
    }

    /** {@code eta} is the arrival; service starts at {@code start} (after waiting for the window to open). */
    public record Stop(int stopNo, String orderId, String poNumber, String customerNumber, String customerName,
            String address, double latitude, double longitude, double demandKg, LocalTime windowStart,
            LocalTime windowEnd, LocalTime eta, LocalTime start, LocalTime departure) {
    }

    /** An order the plan could not take, and why, in words a dispatcher can act on. */
    public record Unassigned(String orderId, String customerNumber, String customerName, Double latitude,
            Double longitude, double demandKg, String reason) {
    }

    /**
     * While the solver works: its stage, the best plan so far ({@code bestScore} in words: unassigned orders,
     * vehicles, distance) and the time left of the budget.
     */
    public record Progress(String stage, long elapsedSeconds, long timeLeftSeconds, int vehiclesUsed, int unassigned,
            double distanceKm, String bestScore, boolean finished) {
    }

    public Route route(String vehicleId) {
        return routes == null ? null
                : routes.stream().filter(r -> r.vehicleId().equals(vehicleId)).findFirst().orElse(null);
    }
}
