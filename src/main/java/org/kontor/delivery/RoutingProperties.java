package org.kontor.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of route solving ({@code kontor.routing.*}).
 *
 * @param speedKmh                average road speed for real orders: travel time = great-circle km / speed, so
 *                                set it lower than the speed on the road to account for detours
 * @param solverThreads           problems solved at once; each takes one core for its whole time limit
 * @param queueCapacity           problems waiting for a solver thread before callers are told to come back later
 * @param defaultTimeLimitSeconds time limit when the caller gives none
 * @param maxTimeLimitSeconds     the longest a caller may ask for
 * @param maxVisits               largest problem accepted (the distance matrix grows with the square)
 * @param maxVehicles             largest fleet accepted
 * @param maxInstanceSize         largest Solomon-format text accepted
 */
@ConfigurationProperties("kontor.routing")
public record RoutingProperties(
        @DefaultValue("40") double speedKmh,
        @DefaultValue("1") int solverThreads,
        @DefaultValue("4") int queueCapacity,
        @DefaultValue("10") int defaultTimeLimitSeconds,
        @DefaultValue("300") int maxTimeLimitSeconds,
        @DefaultValue("1000") int maxVisits,
        @DefaultValue("500") int maxVehicles,
        @DefaultValue("2MB") DataSize maxInstanceSize) {
}
