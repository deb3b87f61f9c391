package org.kontor.delivery.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Robot: solves the day's routes within the plan's time budget and prepares what the dispatcher's form shows. */
@Component("planRoutesDelegate")
class PlanRoutesDelegate implements JavaDelegate {

    private final DeliveryPlanningService planning;
    private final Environment environment;

    PlanRoutesDelegate(DeliveryPlanningService planning, Environment environment) {
        this.planning = planning;
        this.environment = environment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeliveryPlan plan = planning.plan((String) execution.getVariable(Vars.PLAN_ID));
        // Camunda Forms show images from absolute http(s) URLs only; the round makes the picture's URL change
        String base = PlanSummary.publicUrl(environment) + "/api/deliveries/plans/" + plan.planId();
        execution.setVariable(Vars.MAP_URL, base + "/map.png?round=" + plan.rounds());
        execution.setVariable(Vars.PLAN_URL, base);
        execution.setVariable(Vars.PLAN_SUMMARY, PlanSummary.markdown(plan));
        // the form's re-plan fields start empty each round
        execution.removeVariable(Vars.PLAN_DECISION);
    }
}
