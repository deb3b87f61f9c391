package org.kontor.delivery.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.kontor.platform.web.PublicUrl;
import org.springframework.stereotype.Component;

/** Robot: solves the day's routes within the plan's time budget and prepares what the dispatcher's form shows. */
@Component("planRoutesDelegate")
class PlanRoutesDelegate implements JavaDelegate {

    private final DeliveryPlanningService planning;
    private final PublicUrl publicUrl;

    PlanRoutesDelegate(DeliveryPlanningService planning, PublicUrl publicUrl) {
        this.planning = planning;
        this.publicUrl = publicUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeliveryPlan plan = planning.plan((String) execution.getVariable(Vars.PLAN_ID));
        // Camunda Forms show images from absolute http(s) URLs only; the round makes the picture's URL change
        String base = publicUrl.of("/api/deliveries/plans/" + plan.planId());
        execution.setVariable(Vars.MAP_URL, base + "/map.png?round=" + plan.rounds());
        execution.setVariable(Vars.PLAN_URL, base);
        execution.setVariable(Vars.PLAN_SUMMARY, PlanSummary.markdown(plan));
        // the form's re-plan fields start empty each round
        execution.removeVariable(Vars.PLAN_DECISION);
    }
}
