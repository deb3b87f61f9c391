package org.kontor.delivery;

/** Names of {@code processes/delivery-planning.bpmn}, shared by code and tests. Business key: the plan id. */
public final class DeliveryPlanningProcess {

    public static final String KEY = "delivery-planning";

    public static final String START_EVENT_REQUESTED = "StartEvent_PlanRequested";
    public static final String START_EVENT_CUT_OFF = "StartEvent_DailyCutOff";
    public static final String TASK_COLLECT_ORDERS = "Task_CollectOrders";
    public static final String GATEWAY_ANY_ORDERS = "Gateway_AnyOrders";
    public static final String END_EVENT_NOTHING_TO_PLAN = "EndEvent_NothingToPlan";
    public static final String TASK_PLAN_ROUTES = "Task_PlanRoutes";
    public static final String USER_TASK_APPROVE = "UserTask_ApproveDeliveryPlan";
    public static final String GATEWAY_PLAN_DECISION = "Gateway_PlanDecision";
    public static final String TASK_SCHEDULE_ORDERS = "Task_ScheduleOrders";
    public static final String TASK_WRITE_MANIFESTS = "Task_WriteManifests";
    public static final String TASK_START_DELIVERIES = "Task_StartDeliveries";
    public static final String END_EVENT_APPROVED = "EndEvent_PlanApproved";

    public static final String MESSAGE_PLAN_REQUESTED = "delivery-plan-requested";

    public static final String FORM_APPROVE = "approve-delivery-plan";

    public static final class Vars {
        public static final String PLAN_ID = "planId";
        public static final String DELIVERY_DATE = "deliveryDate";
        public static final String ORDER_COUNT = "orderCount";
        /** The dispatcher's answer: {@link PlanDecision}. */
        public static final String PLAN_DECISION = "planDecision";
        /** Re-plan settings from the form (optional): a new time budget and vehicles to leave at the depot. */
        public static final String TIME_LIMIT_SECONDS = "timeLimitSeconds";
        public static final String EXCLUDED_VEHICLES = "excludedVehicles";
        /** Shown by the form: the map picture and a text summary of routes and unassigned orders. */
        public static final String MAP_URL = "mapUrl";
        public static final String PLAN_URL = "planUrl";
        public static final String PLAN_SUMMARY = "planSummary";
        public static final String COMPLETED_BY = org.kontor.intake.DocumentIntakeProcess.Vars.COMPLETED_BY;

        private Vars() {
        }
    }

    public enum PlanDecision {
        APPROVE,
        REPLAN
    }

    private DeliveryPlanningProcess() {
    }
}
