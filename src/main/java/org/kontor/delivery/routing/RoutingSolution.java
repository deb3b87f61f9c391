package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The planning solution: the fleet and the visits. Score levels, most important first: hard (capacity, time
 * windows, shift end), medium (unassigned visits), soft (vehicles used, then distance; see
 * {@link RoutingConstraints#VEHICLE_COST}).
 */
@PlanningSolution
public class RoutingSolution {

    @PlanningEntityCollectionProperty
    private List<VehicleRoute> vehicles;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For Timefold's cloner. */
    public RoutingSolution() {
    }

    public RoutingSolution(List<VehicleRoute> vehicles, List<Visit> visits) {
        this.vehicles = vehicles;
        this.visits = visits;
    }

    public List<VehicleRoute> getVehicles() {
        return vehicles;
    }

    public void setVehicles(List<VehicleRoute> vehicles) {
        this.vehicles = vehicles;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
