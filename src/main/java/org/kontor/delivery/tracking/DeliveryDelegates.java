package org.kontor.delivery.tracking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.kontor.delivery.DeliveryProcess.Vars;
import org.kontor.platform.engine.TaskAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The robots of {@code delivery.bpmn}: each reads the order id, calls the tracking service and is safe to repeat. */
final class DeliveryDelegates {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDelegates.class);

    /** Who reported a delivery when no dispatcher completed a task: the driver's event over REST. */
    static final String DRIVER = "driver";
    /** How long the dispatcher waits for a late delivery when the form gives no (readable) number. */
    static final int DEFAULT_WAIT_MINUTES = 60;

    private DeliveryDelegates() {
    }

    private static String orderId(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.ORDER_ID);
    }

    private static String actor(DelegateExecution execution) {
        Object by = execution.getVariable(Vars.COMPLETED_BY);
        return by == null ? DRIVER : by.toString();
    }

    /** Robot: the order is DELIVERED and its stock leaves the books. */
    @Component("recordDeliveryDelegate")
    static class RecordDelivery implements JavaDelegate {

        private final DeliveryTrackingService tracking;

        RecordDelivery(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void execute(DelegateExecution execution) {
            tracking.recordDelivered(orderId(execution), actor(execution));
        }
    }

    /** Robot: records the failed attempt and whether another is allowed. */
    @Component("recordFailedDeliveryDelegate")
    static class RecordFailure implements JavaDelegate {

        private final DeliveryTrackingService tracking;

        RecordFailure(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean attemptsLeft = tracking.recordFailure(orderId(execution),
                    TaskAnswers.text(execution.getVariable(Vars.FAILURE_REASON)));
            execution.setVariable(Vars.ATTEMPTS_LEFT, attemptsLeft);
        }
    }

    /** Robot: the order is confirmed again, for the next plan. */
    @Component("requeueDeliveryDelegate")
    static class Requeue implements JavaDelegate {

        private final DeliveryTrackingService tracking;

        Requeue(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void execute(DelegateExecution execution) {
            tracking.requeue(orderId(execution));
            // the next attempt's reports start afresh; a dispatcher's earlier answer must not decide it
            execution.removeVariable(Vars.COMPLETED_BY);
            execution.removeVariable(Vars.LATE_OUTCOME);
        }
    }

    /** Robot: the last attempt failed; the stock goes back and the order ends FAILED. */
    @Component("returnDeliveryToStockDelegate")
    static class ReturnToStock implements JavaDelegate {

        private final DeliveryTrackingService tracking;

        ReturnToStock(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void execute(DelegateExecution execution) {
            tracking.returnToStock(orderId(execution), actor(execution));
        }
    }

    /** Robot: the dispatcher waits longer for a late delivery; the watch timer moves. */
    @Component("extendDeliveryWatchDelegate")
    static class ExtendWatch implements JavaDelegate {

        private final DeliveryTrackingService tracking;

        ExtendWatch(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object answer = execution.getVariable(Vars.WAIT_MINUTES);
            Integer minutes = TaskAnswers.integer(answer);
            if (answer != null && minutes == null) {
                log.warn("Order {}: '{}' is no number of minutes to wait; waiting {}", orderId(execution), answer,
                        DEFAULT_WAIT_MINUTES);
            }
            execution.setVariable(Vars.ESCALATE_AT, tracking.extendWatch(minutes == null ? DEFAULT_WAIT_MINUTES : minutes));
            execution.removeVariable(Vars.LATE_OUTCOME);
        }
    }

    /** Task listener (create) of the late-delivery task: what the dispatcher's form says about the delivery. */
    @Component("lateDeliveryFormListener")
    static class LateDeliveryForm implements TaskListener {

        private final DeliveryTrackingService tracking;

        LateDeliveryForm(DeliveryTrackingService tracking) {
            this.tracking = tracking;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable(Vars.DELIVERY_SUMMARY, tracking.describe((String) task.getVariable(Vars.ORDER_ID)));
        }
    }
}
