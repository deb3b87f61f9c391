package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle and the ordered visits the solver gives it. Visits may stay unassigned: when the fleet cannot serve
 * everything, the plan still serves as much as it can and says what is left (a medium-level penalty each).
 */
@PlanningEntity
public class VehicleRoute {

    @PlanningId
    private String id;
    private double capacity;
    private int depotIndex;
    private double shiftStart;
    private double shiftEnd;
    private DistanceMatrix matrix;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    /** For Timefold's cloner. */
    public VehicleRoute() {
    }

    public VehicleRoute(String id, double capacity, int depotIndex, double shiftStart, double shiftEnd,
            DistanceMatrix matrix) {
        this.id = id;
        this.capacity = capacity;
        this.depotIndex = depotIndex;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.matrix = matrix;
    }

    public boolean isUsed() {
        return !visits.isEmpty();
    }

    public double getLoad() {
        double load = 0;
        for (Visit visit : visits) {
            load += visit.getDemand();
        }
        return load;
    }

    /** Overload in thousandths of the capacity unit, rounded up. */
    public long getScaledExcessLoad() {
        double excess = getLoad() - capacity;
        return excess > Visit.EPSILON ? Math.max(1, (long) Math.ceil(excess * 1000)) : 0;
    }

    public double getReturnTime() {
        if (visits.isEmpty()) {
            return shiftStart;
        }
        Visit last = visits.get(visits.size() - 1);
        return last.getDepartureTime() + matrix.travelTime(last.getLocationIndex(), depotIndex);
    }

    /** Time past the shift end in thousandths of a time unit, rounded up. */
    public long getScaledOvertime() {
        double overtime = getReturnTime() - shiftEnd;
        return overtime > Visit.EPSILON ? Math.max(1, (long) Math.ceil(overtime * 1000)) : 0;
    }

    public long getScaledDistanceBackToDepot() {
        return visits.isEmpty() ? 0 : matrix.scaledDistance(visits.get(visits.size() - 1).getLocationIndex(), depotIndex);
    }

    public double getDistance() {
        if (visits.isEmpty()) {
            return 0;
        }
        double distance = 0;
        int from = depotIndex;
        for (Visit visit : visits) {
            distance += matrix.distance(from, visit.getLocationIndex());
            from = visit.getLocationIndex();
        }
        return distance + matrix.distance(from, depotIndex);
    }

    /**
     * Puts {@code stops} on this route in that order, setting the visits' shadow variables as Timefold would, so that
     * a start plan built by hand is consistent before the solver looks at it.
     */
    public void assign(List<Visit> stops) {
        Visit previous = null;
        for (Visit visit : stops) {
            visits.add(visit);
            visit.setVehicle(this);
            visit.setPrevious(previous);
            if (previous != null) {
                previous.setNext(visit);
            }
            visit.updateArrivalTime();
            previous = visit;
        }
    }

    public String getId() {
        return id;
    }

    public double getCapacity() {
        return capacity;
    }

    public int getDepotIndex() {
        return depotIndex;
    }

    public double getShiftStart() {
        return shiftStart;
    }

    public double getShiftEnd() {
        return shiftEnd;
    }

    public DistanceMatrix getMatrix() {
        return matrix;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    @Override
    public String toString() {
        return id;
    }
}
