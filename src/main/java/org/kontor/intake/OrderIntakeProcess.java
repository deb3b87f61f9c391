package org.kontor.intake;

/** Names of {@code processes/order-intake.bpmn}, shared by code and tests. */
public final class OrderIntakeProcess {

    public static final String KEY = "order-intake";

    public static final String START_EVENT = "StartEvent_OrderReceived";
    public static final String SUB_PROCESS_CONFIRM = "SubProcess_ConfirmOrder";
    public static final String START_EVENT_CONFIRM = "StartEvent_ConfirmOrder";
    public static final String GATEWAY_ORDER_SOURCE = "Gateway_OrderSource";
    public static final String TASK_EXTRACT = "Task_ExtractOrder";
    public static final String TASK_VALIDATE = "Task_ValidateOrder";
    public static final String GATEWAY_REVIEW_REQUIRED = "Gateway_ReviewRequired";
    public static final String USER_TASK_REVIEW = "UserTask_ReviewOrder";
    public static final String TASK_APPLY_REVIEW = "Task_ApplyOrderReview";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_RESERVE_STOCK = "Task_ReserveStock";
    public static final String END_EVENT_REVIEWED_REJECTED = "EndEvent_ReviewRejected";
    public static final String END_EVENT_RESERVATION_TRIED = "EndEvent_ReservationTried";
    public static final String BOUNDARY_SLA = "BoundaryEvent_ConfirmationSlaMissed";
    public static final String USER_TASK_ESCALATE = "UserTask_EscalateOrder";
    public static final String END_EVENT_ESCALATED = "EndEvent_EscalationHandled";
    public static final String GATEWAY_OUTCOME = "Gateway_OrderOutcome";
    public static final String END_EVENT_REJECTED = "EndEvent_OrderRejected";
    public static final String END_EVENT_CONFIRMED = "EndEvent_OrderConfirmed";
    public static final String GATEWAY_WAIT_FOR_STOCK = "Gateway_WaitForStock";
    public static final String CATCH_STOCK_RECEIVED = "CatchEvent_StockReceived";
    public static final String CATCH_DAILY_RECHECK = "CatchEvent_DailyRecheck";
    public static final String TASK_RERESERVE_STOCK = "Task_ReserveBackorderedStock";
    public static final String GATEWAY_BACKORDER_FILLED = "Gateway_BackorderFilled";

    public static final String MESSAGE_STOCK_RECEIVED = "StockReceived";

    public static final String FORM_REVIEW = "review-order";
    public static final String FORM_ESCALATE = "escalate-order";

    public static final class Vars {
        public static final String ORDER_ID = "orderId";
        public static final String SOURCE = "source";
        public static final String DOCUMENT_ID = "documentId";
        public static final String REVIEW_REQUIRED = "reviewRequired";
        public static final String PROBLEMS = "problems";
        public static final String FULLY_RESERVED = "fullyReserved";
        public static final String ORDER_REJECTED = "orderRejected";
        /** Review form: the clerk's decision and corrected fields. */
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_NOTE = "reviewNote";
        public static final String PO_NUMBER = "poNumber";
        public static final String CUSTOMER_NUMBER = "customerNumber";
        public static final String ORDER_DATE = "orderDate";
        public static final String REQUESTED_DELIVERY_DATE = "requestedDeliveryDate";
        public static final String DELIVERY_ADDRESS = "deliveryAddress";
        public static final String TOTAL = "total";
        /** Lines as JSON ({@code [{sku, description, quantity, unitPrice}]}): how API clients answer the review. */
        public static final String LINES = "lines";
        /**
         * Lines as the review form edits them: one text line per order line, {@code SKU | quantity | unit price |
         * description} (see {@link OrderReviewForm}).
         */
        public static final String LINES_TEXT = "linesText";
        public static final String PREVIEW_URL = "previewUrl";
        public static final String ORIGINAL_URL = "originalUrl";
        public static final String COMPLETED_BY = DocumentIntakeProcess.Vars.COMPLETED_BY;

        private Vars() {
        }
    }

    public enum ReviewDecision {
        CORRECTED,
        REJECT
    }

    private OrderIntakeProcess() {
    }
}
