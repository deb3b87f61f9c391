package org.kontor.delivery.routing;

import java.util.List;

/**
 * A vehicle routing problem with capacities and time windows, as the solver takes it. Times are plain numbers
 * in one unit per problem (seconds of the day for real orders, instance units for benchmarks); distances are
 * in the unit of the {@link DistanceCalculator} (km for real orders).
 *
 * @param timePerDistance travel time per distance unit (3600 / speed in km/h for km and seconds; 1 for Solomon)
 */
public record RoutingProblem(String name, List<VehicleSpec> vehicles, List<VisitSpec> visits,
        DistanceCalculator distanceCalculator, double timePerDistance) {

    public RoutingProblem {
        vehicles = List.copyOf(vehicles);
        visits = List.copyOf(visits);
    }

    /** A vehicle leaves its depot at {@code shiftStart} and must be back by {@code shiftEnd}. */
    public record VehicleSpec(String id, double capacity, Location depot, double shiftStart, double shiftEnd) {
    }

    /**
     * A stop: the vehicle may arrive before {@code readyTime} and wait; arriving after {@code dueTime} is
     * infeasible (the classic Solomon reading: the window bounds the start of service, arrival included).
     */
    public record VisitSpec(String id, Location location, double demand, double readyTime, double dueTime,
            double serviceTime) {
    }
}
