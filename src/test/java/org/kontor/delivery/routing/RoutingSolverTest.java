package org.kontor.delivery.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.routing.RouteCheck.Site;
import org.kontor.delivery.routing.RouteCheck.Tour;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;
import org.kontor.delivery.routing.RoutingResult.PlannedRoute;
import org.kontor.delivery.routing.RoutingResult.PlannedStop;

/** The solver on small generated plane instances, every answer checked independently by {@link RouteCheck}. */
class RoutingSolverTest {

    private static final Location DEPOT = new Location(50, 50);
    private static final double HORIZON = 1000;

    private static final RoutingSolver solver = new RoutingSolver();

    /** As the service does on start: the first solve in a JVM spends most of a short limit compiling. */
    @BeforeAll
    static void warmUp() {
        solver.solve(generated(20, 2, 100, 1), Duration.ofSeconds(1));
    }

    @Test
    void aPlanCutOffBeforeItIsRepairedStillOnlyReturnsRoutesThatKeepTheRules() {
        // 200 visits in 1 s: construction may not even finish; whatever comes back must keep the rules.
        RoutingProblem problem = generated(200, 10, 100, 5);
        RoutingResult result = solver.solve(problem, Duration.ofSeconds(1));
        assertThat(check(problem, result).violations()).isEmpty();
        assertThat(result.feasible()).isEqualTo(result.unassigned().isEmpty());
    }

    @Test
    void servesEveryVisitOfAFeasibleInstanceWithinTheRules() {
        RoutingProblem problem = generated(30, 6, 100, 42);
        long start = System.nanoTime();
        List<RoutingProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        RoutingResult result = solver.solve(problem, Duration.ofSeconds(2), progress::add);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        assertThat(result.unassigned()).isEmpty();
        assertThat(result.feasible()).isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).stage()).isEqualTo("construct");
        assertThat(progress).extracting(RoutingProgress::elapsedMillis).isSorted();
        RouteCheck.Report report = check(problem, result);
        assertThat(report.violations()).isEmpty();
        assertThat(result.totalDistance()).isCloseTo(report.totalDistance(), within(1e-6));
        assertThat(result.vehiclesUsed()).isEqualTo(report.vehicles()).isLessThanOrEqualTo(6);
        for (int r = 0; r < result.routes().size(); r++) {
            List<PlannedStop> stops = result.routes().get(r).stops();
            for (int s = 0; s < stops.size(); s++) {
                assertThat(stops.get(s).arrival()).isCloseTo(report.arrivals().get(r).get(s), within(1e-6));
            }
        }
    }

    @Test
    void moreDemandThanTheFleetCarriesLeavesVisitsUnassignedInsteadOfFailing() {
        // 20 visits of 10 each, two vehicles of 50: at most 10 can be served.
        List<VisitSpec> visits = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            visits.add(new VisitSpec("c" + i, new Location(50 + i, 50 - i), 10, 0, HORIZON, 5));
        }
        List<VehicleSpec> fleet = List.of(new VehicleSpec("V1", 50, DEPOT, 0, HORIZON),
                new VehicleSpec("V2", 50, DEPOT, 0, HORIZON));
        RoutingProblem problem = new RoutingProblem("overbooked", fleet, visits, DistanceCalculator.EUCLIDEAN, 1.0);

        RoutingResult result = solver.solve(problem, Duration.ofSeconds(2));

        assertThat(result.feasible()).isFalse();
        assertThat(result.unassigned()).hasSize(10);
        assertThat(result.routes()).hasSize(2).allSatisfy(r -> assertThat(r.load()).isEqualTo(50));
        assertThat(check(problem, result).violations()).isEmpty();
    }

    @Test
    void aVisitNoVehicleCanReachInTimeIsUnassigned() {
        List<VisitSpec> visits = List.of(
                new VisitSpec("near", new Location(52, 50), 1, 0, HORIZON, 0),
                // 40 units away but due at 10
                new VisitSpec("too-far", new Location(90, 50), 1, 0, 10, 0));
        RoutingProblem problem = new RoutingProblem("unreachable", List.of(new VehicleSpec("V1", 10, DEPOT, 0, HORIZON)),
                visits, DistanceCalculator.EUCLIDEAN, 1.0);

        RoutingResult result = solver.solve(problem, Duration.ofSeconds(1));

        assertThat(result.unassigned()).containsExactly("too-far");
        assertThat(result.routes()).singleElement().satisfies(r -> assertThat(r.stops()).extracting(PlannedStop::visitId)
                .containsExactly("near"));
    }

    @Test
    void usesNoMoreVehiclesThanNeeded() {
        // Ten light visits close to the depot: one vehicle carries them all in time.
        List<VisitSpec> visits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            visits.add(new VisitSpec("v" + i, new Location(50 + (i % 3), 50 + i / 3), 1, 0, HORIZON, 10));
        }
        List<VehicleSpec> fleet = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            fleet.add(new VehicleSpec("V" + i, 100, DEPOT, 0, HORIZON));
        }
        RoutingProblem problem = new RoutingProblem("spread", fleet, visits, DistanceCalculator.EUCLIDEAN, 1.0);

        RoutingResult result = solver.solve(problem, Duration.ofSeconds(2));

        assertThat(result.vehiclesUsed()).isEqualTo(1);
        assertThat(result.feasible()).isTrue();
        assertThat(check(problem, result).violations()).isEmpty();
    }

    /** Random visits on a 100 × 100 plane, demand 5–15, windows of 200 within the horizon, service 10. */
    static RoutingProblem generated(int visits, int vehicles, double capacity, long seed) {
        Random random = new Random(seed);
        List<VisitSpec> specs = new ArrayList<>();
        for (int i = 1; i <= visits; i++) {
            Location at = new Location(random.nextInt(101), random.nextInt(101));
            double ready = random.nextInt(600);
            specs.add(new VisitSpec(Integer.toString(i), at, 5 + random.nextInt(11), ready, ready + 200, 10));
        }
        List<VehicleSpec> fleet = new ArrayList<>();
        for (int i = 1; i <= vehicles; i++) {
            fleet.add(new VehicleSpec("V" + i, capacity, DEPOT, 0, HORIZON));
        }
        return new RoutingProblem("generated-" + seed, fleet, specs, DistanceCalculator.EUCLIDEAN, 1.0);
    }

    static RouteCheck.Report check(RoutingProblem problem, RoutingResult result) {
        Map<String, Site> sites = new LinkedHashMap<>();
        for (VisitSpec v : problem.visits()) {
            sites.put(v.id(), new Site(v.id(), v.location().x(), v.location().y(), v.demand(), v.readyTime(), v.dueTime(),
                    v.serviceTime()));
        }
        Map<String, VehicleSpec> vehicles = new LinkedHashMap<>();
        problem.vehicles().forEach(v -> vehicles.put(v.id(), v));
        List<Tour> tours = new ArrayList<>();
        for (PlannedRoute route : result.routes()) {
            VehicleSpec v = vehicles.get(route.vehicleId());
            tours.add(new Tour(v.id(), v.capacity(), v.shiftStart(), v.shiftEnd(),
                    route.stops().stream().map(PlannedStop::visitId).toList()));
        }
        Site depot = new Site("depot", DEPOT.x(), DEPOT.y(), 0, 0, HORIZON, 0);
        return RouteCheck.check(depot, sites, tours, result.unassigned(), RouteCheck::euclidean, 1.0);
    }
}
