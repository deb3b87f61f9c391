package org.kontor.delivery.planning;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.kontor.platform.engine.TaskAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Robot: counts the confirmed orders due by the plan's date and records the round's settings. Started by the
 * daily cut-off, it first opens the plan for the day ahead (or finds the day already being planned).
 */
@Component("collectDeliveryOrdersDelegate")
class CollectDeliveryOrdersDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CollectDeliveryOrdersDelegate.class);

    private final DeliveryPlanningService planning;

    CollectDeliveryOrdersDelegate(DeliveryPlanningService planning) {
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String planId = (String) execution.getVariable(Vars.PLAN_ID);
        if (planId == null) {
            Optional<String> opened = planning.openForCutOff(execution.getProcessInstanceId());
            if (opened.isEmpty()) {
                execution.setVariable(Vars.ORDER_COUNT, 0);
                return;
            }
            planId = opened.get();
            execution.setProcessBusinessKey(planId);
            execution.setVariable(Vars.PLAN_ID, planId);
            execution.setVariable(Vars.DELIVERY_DATE, planning.get(planId).deliveryDate().toString());
        }
        Object timeLimit = execution.getVariable(Vars.TIME_LIMIT_SECONDS);
        Integer seconds = TaskAnswers.integer(timeLimit);
        if (timeLimit != null && seconds == null) {
            log.warn("Delivery plan {}: time limit '{}' is no number of seconds; the plan keeps its budget", planId,
                    timeLimit);
        }
        int due = planning.collect(planId, seconds, TaskAnswers.text(execution.getVariable(Vars.EXCLUDED_VEHICLES)));
        execution.setVariable(Vars.ORDER_COUNT, due);
    }
}
