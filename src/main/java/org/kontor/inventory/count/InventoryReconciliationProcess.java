package org.kontor.inventory.count;

/** Names of {@code processes/inventory-reconciliation.bpmn} and {@code variance-approval.dmn}, shared by code and tests. */
public final class InventoryReconciliationProcess {

    public static final String KEY = "inventory-reconciliation";
    public static final String RESOURCE = "processes/inventory-reconciliation.bpmn";
    public static final String DECISION_KEY = "variance-approval";
    public static final String DECISION_RESOURCE = "processes/variance-approval.dmn";

    /** Starts an instance for a registered count sheet (variable {@link Vars#COUNT_ID}, business key = count id). */
    public static final String MESSAGE_COUNT_SHEET_RECEIVED = "inventory-count-sheet-received";

    public static final String START_COUNT_SHEET = "StartEvent_CountSheetReceived";
    public static final String START_CYCLE_COUNT = "StartEvent_CycleCountDue";
    public static final String TASK_PARSE = "Task_ParseCountSheet";
    public static final String TASK_SELECT_CYCLE_COUNT = "Task_SelectCycleCountItems";
    public static final String GATEWAY_ANYTHING_TO_COUNT = "Gateway_AnythingToCount";
    public static final String END_NOTHING_TO_COUNT = "EndEvent_NothingToCount";
    public static final String GATEWAY_COUNT_STOCK_JOIN = "Gateway_CountStockJoin";
    public static final String USER_TASK_COUNT_STOCK = "UserTask_CountStock";
    public static final String TASK_RECORD_COUNTS = "Task_RecordStockCounts";
    public static final String GATEWAY_EVALUATE_JOIN = "Gateway_EvaluateJoin";
    public static final String TASK_EVALUATE = "Task_EvaluateVariances";
    public static final String GATEWAY_POST_JOIN = "Gateway_PostJoin";
    public static final String TASK_POST = "Task_PostAcceptedVariances";
    public static final String GATEWAY_NEXT_STEP = "Gateway_NextStep";
    public static final String USER_TASK_APPROVE = "UserTask_ApproveVariances";
    public static final String TASK_RECORD_APPROVAL = "Task_RecordVarianceApproval";
    public static final String GATEWAY_APPROVAL_VALID = "Gateway_ApprovalValid";
    public static final String TASK_REPORT = "Task_WriteReconciliationReport";
    public static final String TASK_REPLENISHMENT = "Task_RaiseReplenishmentSuggestions";
    public static final String GATEWAY_REPLENISHMENT_NEEDED = "Gateway_ReplenishmentNeeded";
    public static final String USER_TASK_ORDER_REPLENISHMENT = "UserTask_OrderReplenishment";
    public static final String TASK_RECORD_REPLENISHMENT = "Task_RecordReplenishmentOrdered";
    public static final String GATEWAY_DONE_JOIN = "Gateway_ReconciliationDone";
    public static final String END_RECONCILED = "EndEvent_CountReconciled";

    public static final String FORM_COUNT_STOCK = "count-stock";
    public static final String FORM_APPROVE_VARIANCES = "approve-variances";
    public static final String FORM_ORDER_REPLENISHMENT = "order-replenishment";

    /** Process variables: ids, flags and counts; the lines themselves live in stock_count_line. */
    public static final class Vars {
        public static final String COUNT_ID = "countId";
        public static final String COUNT_SOURCE = "countSource";
        public static final String LINES = "lineCount";
        public static final String PROBLEMS = "problemCount";
        public static final String NEXT_STEP = "nextStep";
        public static final String LINES_TO_APPROVE = "linesToApprove";
        public static final String LINES_TO_COUNT = "linesToCount";
        public static final String LINES_POSTED = "linesPosted";
        /** Markdown shown by the forms (short: capped well below Camunda's 4000-character string limit). */
        public static final String VARIANCE_TABLE = "varianceTable";
        public static final String COUNT_INSTRUCTIONS = "countInstructions";
        /** Count-stock form: one line per SKU, "SKU = quantity"; pre-filled with the SKUs to count. */
        public static final String COUNT_ENTRIES = "countEntries";
        public static final String COUNTED_BY = "countedBy";
        public static final String COUNTED_AT = "countedAt";
        /** Approve-variances form: line numbers ("3, 7-9") to reject or to count again; all other listed lines are approved. */
        public static final String REJECT_LINES = "rejectLines";
        public static final String RECOUNT_LINES = "recountLines";
        public static final String APPROVAL_NOTE = "approvalNote";
        public static final String APPROVAL_VALID = "approvalValid";
        public static final String APPROVAL_PROBLEMS = "approvalProblems";
        public static final String APPROVED_BY = "approvedBy";
        public static final String REPORT_URL = "reportUrl";
        public static final String SUGGESTIONS = "replenishmentSuggestions";
        public static final String REPLENISHMENT_TABLE = "replenishmentTable";
        public static final String REPLENISHMENT_ORDERED = "replenishmentOrdered";
        public static final String ORDERED_BY = "orderedBy";

        private Vars() {
        }
    }

    /** Values of {@link Vars#NEXT_STEP}, decided after each posting round. */
    public enum NextStep {
        RECOUNT,
        APPROVE,
        DONE
    }

    private InventoryReconciliationProcess() {
    }
}
