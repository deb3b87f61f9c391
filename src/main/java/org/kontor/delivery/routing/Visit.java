package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * A stop of the planning model. Its place in a route is decided by the solver ({@link VehicleRoute#getVisits()});
 * everything below the problem facts is a shadow variable Timefold keeps up to date after each move.
 * Fields are not final because Timefold clones solutions field by field.
 */
@PlanningEntity
public class Visit {

    /** Arrivals within this much of the due time count as on time: sums of square roots carry rounding noise. */
    static final double EPSILON = 1e-6;

    @PlanningId
    private String id;
    private int locationIndex;
    private double demand;
    private double readyTime;
    private double dueTime;
    private double serviceTime;
    private DistanceMatrix matrix;
    /**
     * What leaving this visit unassigned costs at the medium level: 1, except while the solver tries to empty a
     * route, where visits that keep being left out weigh more and more (see {@link RoutingSolver}).
     */
    private long unassignedWeight = 1;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private VehicleRoute vehicle;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit next;
    @CascadingUpdateShadowVariable(targetMethodName = "updateArrivalTime")
    private Double arrivalTime;

    /** For Timefold's cloner. */
    public Visit() {
    }

    public Visit(String id, int locationIndex, double demand, double readyTime, double dueTime, double serviceTime,
            DistanceMatrix matrix) {
        this.id = id;
        this.locationIndex = locationIndex;
        this.demand = demand;
        this.readyTime = readyTime;
        this.dueTime = dueTime;
        this.serviceTime = serviceTime;
        this.matrix = matrix;
    }

    /** Called by Timefold for this visit and then its successors, as long as the arrival keeps changing. */
    public void updateArrivalTime() {
        if (vehicle == null) {
            arrivalTime = null;
            return;
        }
        if (previous == null) {
            arrivalTime = vehicle.getShiftStart() + matrix.travelTime(vehicle.getDepotIndex(), locationIndex);
        } else {
            arrivalTime = previous.getDepartureTime() + matrix.travelTime(previous.locationIndex, locationIndex);
        }
    }

    public double getStartTime() {
        return Math.max(arrivalTime == null ? 0 : arrivalTime, readyTime);
    }

    public double getDepartureTime() {
        return getStartTime() + serviceTime;
    }

    public boolean isLate() {
        return arrivalTime != null && arrivalTime > dueTime + EPSILON;
    }

    /** Lateness in thousandths of a time unit, rounded up so that any lateness costs at least 1. */
    public long getScaledLateness() {
        return isLate() ? Math.max(1, (long) Math.ceil((arrivalTime - dueTime) * 1000)) : 0;
    }

    /** Leg from the previous stop (or the depot) to this one, for the distance objective. */
    public long getScaledDistanceFromPrevious() {
        if (vehicle == null) {
            return 0;
        }
        int from = previous == null ? vehicle.getDepotIndex() : previous.locationIndex;
        return matrix.scaledDistance(from, locationIndex);
    }

    public String getId() {
        return id;
    }

    public int getLocationIndex() {
        return locationIndex;
    }

    public double getDemand() {
        return demand;
    }

    public double getReadyTime() {
        return readyTime;
    }

    public double getDueTime() {
        return dueTime;
    }

    public double getServiceTime() {
        return serviceTime;
    }

    public DistanceMatrix getMatrix() {
        return matrix;
    }

    public long getUnassignedWeight() {
        return unassignedWeight;
    }

    public void setUnassignedWeight(long unassignedWeight) {
        this.unassignedWeight = unassignedWeight;
    }

    public VehicleRoute getVehicle() {
        return vehicle;
    }

    public void setVehicle(VehicleRoute vehicle) {
        this.vehicle = vehicle;
    }

    public Visit getPrevious() {
        return previous;
    }

    public void setPrevious(Visit previous) {
        this.previous = previous;
    }

    public Visit getNext() {
        return next;
    }

    public void setNext(Visit next) {
        this.next = next;
    }

    public Double getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Double arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    @Override
    public String toString() {
        return id;
    }
}
