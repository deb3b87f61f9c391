package org.kontor.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of delivery planning and tracking ({@code kontor.delivery.*}).
 *
 * @param cutOffCycle      when the daily planning starts by itself (Camunda cron of the timer start event, read
 *                         when {@code delivery-planning.bpmn} is deployed)
 * @param daysAhead        the cut-off plans the day this many days ahead (1: tomorrow's deliveries)
 * @param timeLimit        the solver's budget for one plan; a dispatcher may ask for another when re-planning
 * @param maxTimeLimit     the longest budget accepted: the solve runs inside a job and must end well within the
 *                         job executor's lock time (5 minutes)
 * @param serviceMinutes   time at each customer for unloading and paperwork
 * @param lateGrace        how long after the end of a delivery window the dispatcher hears of a delivery nobody
 *                         reported
 * @param maxAttempts      deliveries tried per order; after the last failed one the stock goes back and the
 *                         order ends FAILED
 * @param maxOrdersPerPlan the most orders one plan takes (the rest wait for the next plan)
 */
@ConfigurationProperties("kontor.delivery")
public record DeliveryProperties(
        @DefaultValue("0 0 16 ? * MON-FRI") String cutOffCycle,
        @DefaultValue("1") int daysAhead,
        @DefaultValue("30s") Duration timeLimit,
        @DefaultValue("240s") Duration maxTimeLimit,
        @DefaultValue("10") int serviceMinutes,
        @DefaultValue("30m") Duration lateGrace,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1000") int maxOrdersPerPlan) {
}
