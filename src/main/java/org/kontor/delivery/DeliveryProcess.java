package org.kontor.delivery;

/** Names of {@code processes/delivery.bpmn}, one instance per scheduled order. Business key: the order id. */
public final class DeliveryProcess {

    public static final String KEY = "delivery";

    public static final String START_EVENT = "StartEvent_DeliveryScheduled";
    public static final String GATEWAY_AWAIT_EVENT = "Gateway_AwaitDeliveryEvent";
    public static final String CATCH_DELIVERED = "CatchEvent_Delivered";
    public static final String CATCH_FAILED = "CatchEvent_Failed";
    public static final String CATCH_WINDOW_PASSED = "CatchEvent_WindowPassed";
    public static final String USER_TASK_LATE = "UserTask_ResolveLateDelivery";
    public static final String BOUNDARY_DELIVERED_WHILE_LATE = "BoundaryEvent_DeliveredWhileLate";
    public static final String BOUNDARY_FAILED_WHILE_LATE = "BoundaryEvent_FailedWhileLate";
    public static final String GATEWAY_LATE_OUTCOME = "Gateway_LateOutcome";
    public static final String TASK_EXTEND_WATCH = "Task_ExtendWatch";
    public static final String TASK_RECORD_DELIVERY = "Task_RecordDelivery";
    public static final String END_EVENT_DELIVERED = "EndEvent_Delivered";
    public static final String TASK_RECORD_FAILURE = "Task_RecordFailedAttempt";
    public static final String GATEWAY_ATTEMPTS_LEFT = "Gateway_AttemptsLeft";
    public static final String TASK_REQUEUE = "Task_RequeueForPlanning";
    public static final String CATCH_RESCHEDULED = "CatchEvent_Rescheduled";
    public static final String TASK_RETURN_TO_STOCK = "Task_ReturnToStock";
    public static final String END_EVENT_FAILED = "EndEvent_DeliveryFailed";

    /** Correlated by business key (the order id) from {@code POST /api/deliveries/{orderId}/events}. */
    public static final String MESSAGE_DELIVERED = "delivery-delivered";
    public static final String MESSAGE_FAILED = "delivery-failed";
    /** Correlated when an approved plan takes the order again after a failed attempt. */
    public static final String MESSAGE_RESCHEDULED = "delivery-rescheduled";

    public static final String FORM_LATE = "resolve-late-delivery";

    public static final class Vars {
        public static final String ORDER_ID = "orderId";
        public static final String PLAN_ID = "planId";
        /** When the dispatcher hears of a delivery that nobody reported: end of the window plus grace. */
        public static final String ESCALATE_AT = "escalateAt";
        public static final String FAILURE_REASON = "failureReason";
        public static final String ATTEMPTS_LEFT = "attemptsLeft";
        /** The dispatcher's answer to a late delivery: {@link LateOutcome}, and for WAIT how long. */
        public static final String LATE_OUTCOME = "lateOutcome";
        public static final String WAIT_MINUTES = "waitMinutes";
        /** Shown by the late-delivery form. */
        public static final String DELIVERY_SUMMARY = "deliverySummary";
        public static final String COMPLETED_BY = org.kontor.intake.DocumentIntakeProcess.Vars.COMPLETED_BY;

        private Vars() {
        }
    }

    /** What a driver (or the dispatcher, for a late delivery) reports. */
    public enum EventType {
        DELIVERED,
        FAILED
    }

    public enum LateOutcome {
        DELIVERED,
        FAILED,
        WAIT
    }

    private DeliveryProcess() {
    }
}
