package org.kontor.delivery.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * Checks a plan from scratch, knowing nothing of the solver: walks every route in order, recomputes arrivals,
 * waiting, load and return time, and lists every broken rule. Used by the tests and the benchmark runner, so
 * that "feasible" never just repeats the solver's own opinion.
 */
public final class RouteCheck {

    /** A stop to serve: the vehicle may wait for {@code ready}; arriving after {@code due} breaks the window. */
    public record Site(String id, double x, double y, double demand, double ready, double due, double service) {
    }

    /** A used vehicle and its stops in order. */
    public record Tour(String vehicleId, double capacity, double shiftStart, double shiftEnd, List<String> stops) {
    }

    public record Report(List<String> violations, double totalDistance, int vehicles, List<List<Double>> arrivals) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    private static final double TOLERANCE = 1e-6;

    private RouteCheck() {
    }

    /**
     * @param distance        distance between two sites (depot included) in the problem's unit
     * @param timePerDistance travel time per distance unit
     */
    public static Report check(Site depot, Map<String, Site> sites, List<Tour> tours, List<String> unassigned,
            ToDoubleBiFunction<Site, Site> distance, double timePerDistance) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<List<Double>> arrivals = new ArrayList<>();
        double total = 0;
        int used = 0;
        for (Tour tour : tours) {
            if (tour.stops().isEmpty()) {
                arrivals.add(List.of());
                continue;
            }
            used++;
            Site at = depot;
            double time = tour.shiftStart();
            double load = 0;
            List<Double> tourArrivals = new ArrayList<>();
            for (String id : tour.stops()) {
                Site site = sites.get(id);
                if (site == null) {
                    violations.add(tour.vehicleId() + ": unknown stop " + id);
                    continue;
                }
                if (!seen.add(id)) {
                    violations.add(tour.vehicleId() + ": stop " + id + " served twice");
                }
                double leg = distance.applyAsDouble(at, site);
                total += leg;
                double arrival = time + leg * timePerDistance;
                tourArrivals.add(arrival);
                if (arrival > site.due() + TOLERANCE) {
                    violations.add(tour.vehicleId() + ": arrives at " + id + " at " + arrival + ", after its window closes at "
                            + site.due());
                }
                time = Math.max(arrival, site.ready()) + site.service();
                load += site.demand();
                at = site;
            }
            double back = distance.applyAsDouble(at, depot);
            total += back;
            time += back * timePerDistance;
            if (time > tour.shiftEnd() + TOLERANCE) {
                violations.add(tour.vehicleId() + ": back at the depot at " + time + ", after the shift ends at " + tour.shiftEnd());
            }
            if (load > tour.capacity() + TOLERANCE) {
                violations.add(tour.vehicleId() + ": load " + load + " exceeds capacity " + tour.capacity());
            }
            arrivals.add(tourArrivals);
        }
        for (String id : unassigned) {
            if (!sites.containsKey(id)) {
                violations.add("unknown unassigned stop " + id);
            } else if (!seen.add(id)) {
                violations.add("stop " + id + " both served and unassigned, or unassigned twice");
            }
        }
        for (String id : sites.keySet()) {
            if (!seen.contains(id)) {
                violations.add("stop " + id + " neither served nor listed as unassigned");
            }
        }
        return new Report(violations, total, used, arrivals);
    }

    public static double euclidean(Site a, Site b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /** Great-circle km with x = latitude, y = longitude; written out again here on purpose. */
    public static double haversineKm(Site a, Site b) {
        double p1 = a.x() * Math.PI / 180;
        double p2 = b.x() * Math.PI / 180;
        double dp = p2 - p1;
        double dl = (b.y() - a.y()) * Math.PI / 180;
        double s = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
    }
}
