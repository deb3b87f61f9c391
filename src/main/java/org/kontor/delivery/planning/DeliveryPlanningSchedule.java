package org.kontor.delivery.planning;

import org.kontor.delivery.DeliveryProperties;
import org.springframework.stereotype.Component;

/**
 * The configurable cut-off of {@code delivery-planning.bpmn}: its timer start event reads
 * {@code ${deliveryPlanningSchedule.cutOff}} when the process is deployed.
 */
@Component("deliveryPlanningSchedule")
public class DeliveryPlanningSchedule {

    private final DeliveryProperties properties;

    DeliveryPlanningSchedule(DeliveryProperties properties) {
        this.properties = properties;
    }

    public String getCutOff() {
        return properties.cutOffCycle();
    }
}
