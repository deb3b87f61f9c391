package org.kontor.delivery;

import java.util.List;

/**
 * The answer of {@code POST /api/deliveries/solve}. {@code feasible}: every stop served and every rule kept.
 * Stops the fleet cannot serve are listed in {@code unassigned}. Distances are km for JSON problems and instance
 * units for Solomon instances; times are ISO local times ({@code "09:41:05"}) for JSON problems and instance
 * units (numbers) for Solomon instances; loads are in the problem's demand unit.
 */
public record SolveResponse(boolean feasible, int vehiclesUsed, double totalDistance, List<Route> routes,
        List<String> unassigned) {

    public record Route(String vehicleId, double distance, double load, List<Stop> stops) {
    }

    /** {@code start}: service starts (after waiting for the window to open); {@code departure}: service ends. */
    public record Stop(String id, Object arrival, Object start, Object departure) {
    }
}
