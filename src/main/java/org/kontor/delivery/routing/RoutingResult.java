package org.kontor.delivery.routing;

import java.util.List;

/**
 * A solved plan. {@code feasible} means every visit is served and no hard constraint is broken; visits the fleet
 * could not serve are listed in {@code unassigned}, never reported as an error.
 */
public record RoutingResult(boolean feasible, int vehiclesUsed, double totalDistance, List<PlannedRoute> routes,
        List<String> unassigned, String score) {

    /** One used vehicle: leaves the depot at {@code departure}, is back at {@code returnTime}. */
    public record PlannedRoute(String vehicleId, double distance, double load, double departure, double returnTime,
            List<PlannedStop> stops) {
    }

    /** {@code start} is the start of service (after waiting for the window to open), {@code departure} its end. */
    public record PlannedStop(String visitId, double arrival, double start, double departure) {
    }
}
