package org.kontor.document.retraining;

/** Names of {@code processes/classifier-retraining.bpmn}, shared by code and tests. */
public final class ClassifierRetrainingProcess {

    public static final String KEY = "classifier-retraining";
    public static final String RESOURCE = "processes/classifier-retraining.bpmn";

    /** Starts a run on request (REST); business key and variable {@link Vars#RETRAINING_ID} = the run's id. */
    public static final String MESSAGE_RETRAINING_REQUESTED = "classifier-retraining-requested";
    /** Sent by the background training when it is done, successfully or not (variable {@link Vars#TRAINING_OUTCOME}). */
    public static final String MESSAGE_CANDIDATE_TRAINED = "classifier-candidate-trained";

    public static final String START_REQUESTED = "StartEvent_RetrainingRequested";
    public static final String START_SCHEDULED = "StartEvent_RetrainingDue";
    public static final String TASK_COLLECT_EXAMPLES = "Task_CollectExamples";
    public static final String GATEWAY_ENOUGH_TO_LEARN = "Gateway_EnoughToLearn";
    public static final String END_NOTHING_TO_LEARN = "EndEvent_NothingToLearn";
    public static final String TASK_TRAIN_CANDIDATE = "Task_TrainCandidate";
    public static final String TASK_WAIT_FOR_CANDIDATE = "Task_WaitForCandidate";
    public static final String EVENT_TRAINING_TIMED_OUT = "Event_TrainingTimedOut";
    public static final String GATEWAY_TRAINED = "Gateway_CandidateTrained";
    public static final String TASK_RECORD_TRAINING_FAILURE = "Task_RecordTrainingFailure";
    public static final String END_TRAINING_FAILED = "EndEvent_TrainingFailed";
    public static final String TASK_EVALUATE = "Task_EvaluateCandidate";
    public static final String GATEWAY_NOT_WORSE = "Gateway_NotWorse";
    public static final String TASK_PROMOTE = "Task_PromoteCandidate";
    public static final String END_PROMOTED = "EndEvent_CandidatePromoted";
    public static final String TASK_REJECT = "Task_RejectCandidate";
    public static final String END_REJECTED = "EndEvent_CandidateRejected";

    /** Process variables: ids, flags and figures; examples, texts and models live in the domain store. */
    public static final class Vars {
        public static final String RETRAINING_ID = "retrainingId";
        /** Train even with fewer new clerk labels than the threshold (REST only). */
        public static final String FORCE = "force";
        public static final String NEW_LABELS = "newLabels";
        public static final String EXAMPLES_USED = "examplesUsed";
        public static final String ENOUGH_TO_LEARN = "enoughToLearn";
        public static final String CANDIDATE_VERSION = "candidateVersion";
        /** A {@link TrainingOutcome} name. */
        public static final String TRAINING_OUTCOME = "trainingOutcome";
        public static final String TRAINING_ERROR = "trainingError";
        public static final String CANDIDATE_ACCURACY = "candidateAccuracy";
        public static final String INCUMBENT_VERSION = "incumbentVersion";
        public static final String INCUMBENT_ACCURACY = "incumbentAccuracy";
        public static final String NOT_WORSE = "notWorse";

        private Vars() {
        }
    }

    public enum TrainingOutcome {
        TRAINED,
        FAILED
    }

    private ClassifierRetrainingProcess() {
    }
}
