package org.kontor.delivery.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The ejection and tail-exchange moves, executed by Timefold's own score director on a real solution: the
 * left-out visit goes in next to its neighbour, one to three visits around that place come out, the rest keep
 * their order, and the incrementally updated score equals one computed from scratch; undoing restores the plan.
 */
class NearbyMoveFactoryTest {

    private final DefaultSolverFactory<RoutingSolution> factory =
            (DefaultSolverFactory<RoutingSolution>) SolverFactory.<RoutingSolution>create(RoutingSolver.defaultConfig());
    private final ListVariableDescriptor<RoutingSolution> variable =
            factory.getSolutionDescriptor().getListVariableDescriptor();

    @Test
    void anEjectionPutsTheLeftOutVisitNextToItsNeighbourAndTakesOutAFewAroundIt() {
        for (int seed = 0; seed < 40; seed++) {
            RoutingSolution solution = line();
            Visit leftOut = solution.getVisits().get(5);
            Visit neighbour = solution.getVisits().get(seed % 5);
            List<Visit> before = List.copyOf(solution.getVehicles().get(0).getVisits());
            try (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director = director(solution)) {
                Move<RoutingSolution> move = NearbyMoveFactory.ejection(variable, leftOut, neighbour, new Random(seed));
                assertThat(move).isNotNull();

                director.executeMove(move);

                List<Visit> after = solution.getVehicles().get(0).getVisits();
                assertThat(leftOut.getVehicle()).isSameAs(solution.getVehicles().get(0));
                List<Visit> ejected = solution.getVisits().stream().filter(v -> v.getVehicle() == null).toList();
                assertThat(ejected).hasSizeBetween(1, NearbyMoveFactory.MAX_EJECTED).doesNotContain(leftOut);
                assertThat(after).hasSize(before.size() - ejected.size() + 1);
                // the ejected visits were next to each other, the others keep their order
                List<Integer> places = ejected.stream().map(before::indexOf).sorted().toList();
                assertThat(places.get(places.size() - 1) - places.get(0)).isEqualTo(places.size() - 1);
                List<Visit> kept = new ArrayList<>(after);
                kept.remove(leftOut);
                assertThat(kept).isEqualTo(before.stream().filter(v -> !ejected.contains(v)).toList());
                // right next to the neighbour, or where the run around the neighbour was
                int at = after.indexOf(leftOut);
                if (after.contains(neighbour)) {
                    assertThat(Math.abs(at - after.indexOf(neighbour))).isEqualTo(1);
                } else {
                    assertThat(at).isBetween(places.get(0), places.get(places.size() - 1) + 1);
                }
                // shadow variables and the incremental score are right
                assertThat(leftOut.getArrivalTime()).isNotNull();
                ejected.forEach(v -> assertThat(v.getArrivalTime()).isNull());
                assertThat(director.calculateScore().raw().mediumScore()).isEqualTo(-ejected.size() * 1L);
                assertScoreIsRight(director);
            }
        }
    }

    @Test
    void aTriedEjectionIsUndoneWithoutATrace() {
        RoutingSolution solution = line();
        Visit leftOut = solution.getVisits().get(5);
        try (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director = director(solution)) {
            HardMediumSoftLongScore start = director.calculateScore().raw();
            List<Visit> before = List.copyOf(solution.getVehicles().get(0).getVisits());

            HardMediumSoftLongScore tried = director.executeTemporaryMove(
                    NearbyMoveFactory.ejection(variable, leftOut, solution.getVisits().get(2), new Random(7)), true).raw();

            assertThat(tried).isNotEqualTo(start);
            assertThat(solution.getVehicles().get(0).getVisits()).isEqualTo(before);
            assertThat(leftOut.getVehicle()).isNull();
            assertThat(director.calculateScore().raw()).isEqualTo(start);
        }
    }

    @Test
    void aTailExchangeMakesTheNeighbourFollowTheVisitAndHandsOverTheRest() {
        // V1: v1 v2 v3, V2: v4 v5 v6
        RoutingSolution solution = plan(List.of(0, 1, 2), List.of(3, 4, 5));
        VehicleRoute first = solution.getVehicles().get(0);
        VehicleRoute second = solution.getVehicles().get(1);
        List<Visit> v = solution.getVisits();
        try (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director = director(solution)) {
            director.executeMove(NearbyMoveFactory.tailExchange(variable, v.get(0), first, v.get(4), second, 1));

            assertThat(first.getVisits()).containsExactly(v.get(0), v.get(4), v.get(5));
            assertThat(second.getVisits()).containsExactly(v.get(3), v.get(1), v.get(2));
            assertThat(v.get(4).getPrevious()).isSameAs(v.get(0));
            assertThat(v.get(1).getVehicle()).isSameAs(second);
            assertScoreIsRight(director);

            // from the last visit of a route, the neighbour's whole tail moves behind it: the other route empties
            director.executeMove(NearbyMoveFactory.tailExchange(variable, v.get(5), first, v.get(3), second, 0));

            assertThat(first.getVisits()).containsExactly(v.get(0), v.get(4), v.get(5), v.get(3), v.get(1), v.get(2));
            assertThat(second.getVisits()).isEmpty();
            assertScoreIsRight(director);
            assertThat(NearbyMoveFactory.tailExchange(variable, v.get(0), first, v.get(1), first, 4)).isNull();
        }
    }

    private void assertScoreIsRight(InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director) {
        HardMediumSoftLongScore incremental = director.calculateScore().raw();
        try (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> fresh = director(director.cloneWorkingSolution())) {
            assertThat(fresh.calculateScore().raw()).isEqualTo(incremental);
        }
    }

    @Test
    void onlyALeftOutVisitIsEjectedInto() {
        RoutingSolution solution = line();
        assertThat(NearbyMoveFactory.ejection(variable, solution.getVisits().get(0), solution.getVisits().get(1),
                new Random(1))).isNull();
    }

    @SuppressWarnings("unchecked")
    private InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director(RoutingSolution solution) {
        InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> director =
                (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore>) (Object) factory.getScoreDirectorFactory()
                        .buildScoreDirector();
        director.setWorkingSolution(solution);
        return director;
    }

    /** Depot at 0, visits 1–5 on a line served in order by one vehicle, visit 6 between 3 and 4 left out. */
    private static RoutingSolution line() {
        return plan(List.of(0, 1, 2, 3, 4));
    }

    /** Visits 1–6 as in {@link #line()}, one vehicle per list of visit indexes (0-based), the rest left out. */
    @SafeVarargs
    private static RoutingSolution plan(List<Integer>... routes) {
        List<Location> locations = new ArrayList<>();
        IntStream.rangeClosed(0, 5).forEach(i -> locations.add(new Location(10 * i, 0)));
        locations.add(new Location(35, 1));
        DistanceMatrix matrix = DistanceMatrix.of(locations, DistanceCalculator.EUCLIDEAN, 1.0);
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            visits.add(new Visit("v" + i, i, 1, 0, 1000, 1, matrix));
        }
        List<VehicleRoute> vehicles = new ArrayList<>();
        for (List<Integer> stops : routes) {
            VehicleRoute route = new VehicleRoute("V" + (vehicles.size() + 1), 100, 0, 0, 1000, matrix);
            route.assign(stops.stream().map(visits::get).toList());
            vehicles.add(route);
        }
        return new RoutingSolution(vehicles, visits);
    }
}
