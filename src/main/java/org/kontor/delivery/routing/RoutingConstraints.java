package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of a plan. Hard: no overloaded vehicle, no arrival after a window closes (waiting for it to open is
 * fine), every vehicle back at its depot by the end of its shift. Medium: serve as many visits as possible
 * (each unassigned visit costs its {@link Visit#getUnassignedWeight() weight}, 1 outside route elimination).
 * Soft: as few vehicles as possible, then as little distance: one vehicle costs more than any total distance,
 * which makes the soft level lexicographic.
 */
public class RoutingConstraints implements ConstraintProvider {

    /**
     * Cost of one used vehicle in scaled distance units (thousandths): 10^12 is a billion km or instance units,
     * far above any real total distance, and a fleet of thousands still fits in a long.
     */
    public static final long VEHICLE_COST = 1_000_000_000_000L;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                vehicleCapacity(factory),
                timeWindow(factory),
                shiftEnd(factory),
                unassignedVisit(factory),
                vehicleUsed(factory),
                travelDistance(factory),
                returnToDepotDistance(factory)
        };
    }

    Constraint vehicleCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.getScaledExcessLoad() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::getScaledExcessLoad)
                .asConstraint("vehicle capacity");
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isLate)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Visit::getScaledLateness)
                .asConstraint("time window");
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.getScaledOvertime() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::getScaledOvertime)
                .asConstraint("shift end");
    }

    Constraint unassignedVisit(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.getVehicle() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Visit::getUnassignedWeight)
                .asConstraint("unassigned visit");
    }

    Constraint vehicleUsed(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(VehicleRoute::isUsed)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, route -> VEHICLE_COST)
                .asConstraint("vehicle used");
    }

    /** Per leg rather than per route, so a move re-scores only the legs it changes. */
    Constraint travelDistance(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getVehicle() != null)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Visit::getScaledDistanceFromPrevious)
                .asConstraint("travel distance");
    }

    Constraint returnToDepotDistance(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(VehicleRoute::isUsed)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, VehicleRoute::getScaledDistanceBackToDepot)
                .asConstraint("return to depot distance");
    }
}
