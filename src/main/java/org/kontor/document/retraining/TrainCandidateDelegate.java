package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Robot: starts training a candidate on the training thread; the process then waits for
 * {@value ClassifierRetrainingProcess#MESSAGE_CANDIDATE_TRAINED} (see {@link RetrainingService} for why).
 */
@Component("trainCandidateDelegate")
class TrainCandidateDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    TrainCandidateDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retraining.startTraining((String) execution.getVariable(Vars.RETRAINING_ID), execution.getProcessInstanceId());
    }
}
