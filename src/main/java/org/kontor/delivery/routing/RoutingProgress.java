package org.kontor.delivery.routing;

/**
 * A better plan found while solving, for showing progress (SPEC §7: long work shows progress).
 *
 * @param stage         what the solver is doing: {@code construct}, {@code eliminate-route} or {@code improve}
 * @param elapsedMillis since the solve started
 * @param distance      total distance of the plan in the problem's unit
 */
public record RoutingProgress(String stage, long elapsedMillis, int vehiclesUsed, int unassigned, double distance) {
}
