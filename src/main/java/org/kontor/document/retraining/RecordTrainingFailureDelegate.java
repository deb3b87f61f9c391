package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Robot: the training failed or did not report back in time; the run ends as failed, with the reason. */
@Component("recordTrainingFailureDelegate")
class RecordTrainingFailureDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    RecordTrainingFailureDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retraining.recordTrainingFailure((String) execution.getVariable(Vars.RETRAINING_ID),
                (String) execution.getVariable(Vars.TRAINING_ERROR));
    }
}
