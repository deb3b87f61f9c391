package org.kontor.delivery.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.springframework.stereotype.Component;

/** The robots after the dispatcher's approval, and the process's end listener. */
final class ApproveDeliveryPlanDelegates {

    private ApproveDeliveryPlanDelegates() {
    }

    /** Robot: the planned orders become SCHEDULED with vehicle, stop and ETA. */
    @Component("scheduleDeliveryOrdersDelegate")
    static class ScheduleOrders implements JavaDelegate {

        private final DeliveryPlanningService planning;

        ScheduleOrders(DeliveryPlanningService planning) {
            this.planning = planning;
        }

        @Override
        public void execute(DelegateExecution execution) {
            planning.approve((String) execution.getVariable(Vars.PLAN_ID), (String) execution.getVariable(Vars.COMPLETED_BY));
        }
    }

    /** Robot: one xlsx manifest per vehicle. */
    @Component("writeDeliveryManifestsDelegate")
    static class WriteManifests implements JavaDelegate {

        private final DeliveryPlanningService planning;
        private final ManifestWriter manifests;

        WriteManifests(DeliveryPlanningService planning, ManifestWriter manifests) {
            this.planning = planning;
            this.manifests = manifests;
        }

        @Override
        public void execute(DelegateExecution execution) {
            manifests.write(planning.get((String) execution.getVariable(Vars.PLAN_ID)));
        }
    }

    /** Robot: one delivery process per scheduled order (or the waiting one woken for its next attempt). */
    @Component("startDeliveriesDelegate")
    static class StartDeliveries implements JavaDelegate {

        private final DeliveryPlanningService planning;

        StartDeliveries(DeliveryPlanningService planning) {
            this.planning = planning;
        }

        @Override
        public void execute(DelegateExecution execution) {
            planning.startDeliveries((String) execution.getVariable(Vars.PLAN_ID));
        }
    }

    /** However the process ends, a plan still open then was never approved. */
    @Component("deliveryPlanEndedListener")
    static class PlanEnded implements ExecutionListener {

        private final DeliveryPlanningService planning;

        PlanEnded(DeliveryPlanningService planning) {
            this.planning = planning;
        }

        @Override
        public void notify(DelegateExecution execution) {
            String planId = (String) execution.getVariable(Vars.PLAN_ID);
            if (planId != null) {
                planning.processEnded(planId);
            }
        }
    }
}
