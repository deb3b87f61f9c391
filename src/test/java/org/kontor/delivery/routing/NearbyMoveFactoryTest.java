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
 * The ejection move of route elimination, executed by Timefold's own score director on a real solution: the
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
                HardMediumSoftLongScore incremental = director.calculateScore().raw();
                assertThat(incremental.mediumScore()).isEqualTo(-ejected.size() * 1L);
                try (InnerScoreDirector<RoutingSolution, HardMediumSoftLongScore> fresh = director(director.cloneWorkingSolution())) {
                    assertThat(fresh.calculateScore().raw()).isEqualTo(incremental);
                }
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
        List<Location> locations = new ArrayList<>();
        IntStream.rangeClosed(0, 5).forEach(i -> locations.add(new Location(10 * i, 0)));
        locations.add(new Location(35, 1));
        DistanceMatrix matrix = DistanceMatrix.of(locations, DistanceCalculator.EUCLIDEAN, 1.0);
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            visits.add(new Visit("v" + i, i, 1, 0, 1000, 1, matrix));
        }
        VehicleRoute route = new VehicleRoute("V1", 100, 0, 0, 1000, matrix);
        Visit previous = null;
        for (Visit visit : visits.subList(0, 5)) {
            route.getVisits().add(visit);
            visit.setVehicle(route);
            visit.setPrevious(previous);
            if (previous != null) {
                previous.setNext(visit);
            }
            visit.updateArrivalTime();
            previous = visit;
        }
        return new RoutingSolution(new ArrayList<>(List.of(route)), visits);
    }
}
