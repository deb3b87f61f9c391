package org.kontor.intake;

/** Names of {@code processes/document-intake.bpmn}, shared by code and tests. */
public final class DocumentIntakeProcess {

    public static final String KEY = "document-intake";
    public static final String RESOURCE = "processes/document-intake.bpmn";

    public static final String START_EVENT = "StartEvent_DocumentReceived";
    public static final String TASK_DIGITISE = "Task_DigitiseDocument";
    public static final String TASK_CLASSIFY = "Task_ClassifyDocument";
    public static final String GATEWAY_CLASSIFICATION_CERTAIN = "Gateway_ClassificationCertain";
    public static final String USER_TASK_CLASSIFY = "UserTask_ClassifyDocument";
    public static final String TASK_RECORD_CLERK_CLASSIFICATION = "Task_RecordClerkClassification";
    public static final String GATEWAY_CLASSIFICATION_JOIN = "Gateway_ClassificationJoin";
    public static final String GATEWAY_DOCUMENT_TYPE = "Gateway_DocumentType";
    public static final String TASK_START_ORDER_INTAKE = "Task_StartOrderIntake";
    public static final String END_EVENT_HANDED_OVER = "EndEvent_HandedOverToOrderIntake";
    public static final String TASK_START_RECONCILIATION = "Task_StartReconciliation";
    public static final String GATEWAY_COUNT_STARTED = "Gateway_CountStarted";
    public static final String END_EVENT_HANDED_TO_RECONCILIATION = "EndEvent_HandedOverToReconciliation";
    public static final String USER_TASK_TRIAGE = "UserTask_TriageDocument";
    public static final String TASK_RECORD_TRIAGE = "Task_RecordTriageDecision";
    public static final String GATEWAY_TRIAGE_OUTCOME = "Gateway_TriageOutcome";
    public static final String END_EVENT = "EndEvent_DocumentHandled";

    public static final String FORM_CLASSIFY = "classify-document";
    public static final String FORM_TRIAGE = "triage-document";

    /** Process variables: small values only; text and pages live in the document store. */
    public static final class Vars {
        public static final String DOCUMENT_ID = "documentId";
        public static final String FILE_NAME = "fileName";
        public static final String DOCUMENT_TYPE = "documentType";
        public static final String TYPE_CONFIDENCE = "typeConfidence";
        public static final String MODEL_VERSION = "modelVersion";
        public static final String NEEDS_REVIEW = "needsReview";
        public static final String TOP_GUESSES = "topGuesses";
        public static final String TEXT_SOURCE = "textSource";
        public static final String PAGE_COUNT = "pageCount";
        public static final String CLERK_DOCUMENT_TYPE = "clerkDocumentType";
        public static final String TRIAGE_DECISION = "triageDecision";
        public static final String TRIAGE_NOTE = "triageNote";
        public static final String TRIAGE_DOCUMENT_TYPE = "triageDocumentType";
        public static final String COMPLETED_BY = "completedBy";
        public static final String COUNT_ID = "countId";
        /** False when a stock-count document had no readable line: it goes to triage with {@link #TRIAGE_REASON}. */
        public static final String COUNT_STARTED = "countStarted";
        /** Why a document is in triage, when a robot sent it there (shown on the form). */
        public static final String TRIAGE_REASON = "triageReason";

        private Vars() {
        }
    }

    /** Answers of the triage form. */
    public enum TriageDecision {
        ACCEPT,
        REJECT,
        /** The robot's type was wrong: {@link Vars#TRIAGE_DOCUMENT_TYPE} says what it is, and it is routed again. */
        RECLASSIFY
    }

    private DocumentIntakeProcess() {
    }
}
