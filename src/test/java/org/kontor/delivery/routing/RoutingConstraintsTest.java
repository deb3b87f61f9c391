package org.kontor.delivery.routing;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One verification per constraint on a tiny plane: depot (0,0), A (3,0), B (3,4); depot–A 3, A–B 4, B–depot 5;
 * travel time = distance. Penalties are in thousandths of the unit.
 */
class RoutingConstraintsTest {

    private final ConstraintVerifier<RoutingConstraints, RoutingSolution> verifier = ConstraintVerifier.build(
            new RoutingConstraints(), RoutingSolution.class, VehicleRoute.class, Visit.class);

    private final DistanceMatrix matrix = DistanceMatrix.of(
            List.of(new Location(0, 0), new Location(3, 0), new Location(3, 4)), DistanceCalculator.EUCLIDEAN, 1.0);

    private Visit visit(String id, int location, double demand, double ready, double due, double service) {
        return new Visit(id, location, demand, ready, due, service, matrix);
    }

    private VehicleRoute vehicle(String id, double capacity, double shiftEnd, Visit... visits) {
        VehicleRoute route = new VehicleRoute(id, capacity, 0, 0, shiftEnd, matrix);
        route.getVisits().addAll(List.of(visits));
        return route;
    }

    private RoutingSolution solution(List<VehicleRoute> vehicles, Visit... visits) {
        return new RoutingSolution(new ArrayList<>(vehicles), new ArrayList<>(List.of(visits)));
    }

    @Test
    void overloadedVehicleIsPenalisedByItsExcessLoad() {
        Visit a = visit("A", 1, 6, 0, 100, 0);
        Visit b = visit("B", 2, 7, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::vehicleCapacity)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(3_000);
    }

    @Test
    void loadUpToCapacityIsFine() {
        Visit a = visit("A", 1, 4, 0, 100, 0);
        Visit b = visit("B", 2, 6, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::vehicleCapacity)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b)), a, b))
                .settingAllShadowVariables()
                .hasNoImpact();
    }

    @Test
    void arrivingAfterTheWindowClosesIsPenalisedButWaitingIsNot() {
        // A: arrives at 3, window closes at 2 -> 1 late. B: arrives at 7, window opens at 20 -> waits, on time.
        Visit a = visit("A", 1, 1, 0, 2, 0);
        Visit b = visit("B", 2, 1, 20, 30, 0);
        verifier.verifyThat(RoutingConstraints::timeWindow)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(1_000);
    }

    @Test
    void waitingAndServiceTimeDelayTheNextArrival() {
        // A: arrives 3, waits until 10, serves 5 -> leaves 15; B: arrives 19 > due 18 -> 1 late.
        Visit a = visit("A", 1, 1, 10, 20, 5);
        Visit b = visit("B", 2, 1, 0, 18, 0);
        verifier.verifyThat(RoutingConstraints::timeWindow)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(1_000);
    }

    @Test
    void returningAfterTheShiftEndIsPenalised() {
        // depot -> A (3) -> B (7) -> depot (12); shift ends at 10.
        Visit a = visit("A", 1, 1, 0, 100, 0);
        Visit b = visit("B", 2, 1, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::shiftEnd)
                .givenSolution(solution(List.of(vehicle("V1", 10, 10, a, b)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(2_000);
    }

    @Test
    void everyUnassignedVisitCostsOneMedium() {
        Visit a = visit("A", 1, 1, 0, 100, 0);
        Visit b = visit("B", 2, 1, 0, 100, 0);
        Visit c = visit("C", 2, 1, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::unassignedVisit)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a), vehicle("V2", 10, 100)), a, b, c))
                .settingAllShadowVariables()
                .penalizesBy(2);
    }

    @Test
    void aLeftOutVisitCostsItsWeightWhileARouteIsBeingEliminated() {
        Visit a = visit("A", 1, 1, 0, 100, 0);
        Visit b = visit("B", 2, 1, 0, 100, 0);
        Visit c = visit("C", 2, 1, 0, 100, 0);
        b.setUnassignedWeight(4);
        verifier.verifyThat(RoutingConstraints::unassignedVisit)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a)), a, b, c))
                .settingAllShadowVariables()
                .penalizesBy(5);
    }

    @Test
    void onlyUsedVehiclesCost() {
        Visit a = visit("A", 1, 1, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::vehicleUsed)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a), vehicle("V2", 10, 100)), a))
                .settingAllShadowVariables()
                .penalizesBy(RoutingConstraints.VEHICLE_COST);
    }

    @Test
    void travelDistanceCountsEveryLegFromTheDepot() {
        Visit a = visit("A", 1, 1, 0, 100, 0);
        Visit b = visit("B", 2, 1, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::travelDistance)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(7_000);
    }

    @Test
    void returnToDepotDistanceCountsTheLastLeg() {
        Visit a = visit("A", 1, 1, 0, 100, 0);
        Visit b = visit("B", 2, 1, 0, 100, 0);
        verifier.verifyThat(RoutingConstraints::returnToDepotDistance)
                .givenSolution(solution(List.of(vehicle("V1", 10, 100, a, b), vehicle("V2", 10, 100)), a, b))
                .settingAllShadowVariables()
                .penalizesBy(5_000);
    }
}
