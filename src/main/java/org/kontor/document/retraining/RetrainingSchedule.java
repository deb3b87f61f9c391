package org.kontor.document.retraining;

import org.springframework.stereotype.Component;

/**
 * The configurable times of {@code classifier-retraining.bpmn}, for its expressions: the timer start event reads
 * {@code ${classifierRetrainingSchedule.cycle}} when the process is deployed, the training timeout when a run
 * starts to wait for its training.
 */
@Component("classifierRetrainingSchedule")
public class RetrainingSchedule {

    private final RetrainingProperties properties;

    RetrainingSchedule(RetrainingProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }

    /** ISO-8601, e.g. {@code PT3H}. */
    public String getTrainingTimeout() {
        return properties.trainingTimeout().toString();
    }
}
