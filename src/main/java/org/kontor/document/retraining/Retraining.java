package org.kontor.document.retraining;

import java.time.LocalDateTime;

/**
 * One retraining run as GET /api/classifier/retrainings/{processInstanceId} shows it. Accuracies are on the frozen
 * held-out set, for candidate and incumbent alike.
 */
public record Retraining(String retrainingId, String processInstanceId, Status status, Phase phase, String startedBy,
        boolean forced, Integer newLabels, Integer examplesUsed, Integer epoch, Integer maxEpochs, String progress,
        String candidateVersion, Double candidateAccuracy, String incumbentVersion, Double incumbentAccuracy,
        Integer evaluationDocuments, String decisionReason, LocalDateTime startedAt, LocalDateTime updatedAt,
        LocalDateTime finishedAt) {

    public enum Status {
        RUNNING,
        NOTHING_TO_LEARN,
        PROMOTED,
        REJECTED,
        FAILED,
        CANCELLED
    }

    public enum Phase {
        QUEUED,
        COLLECTING,
        TRAINING,
        EVALUATING,
        DONE
    }
}
