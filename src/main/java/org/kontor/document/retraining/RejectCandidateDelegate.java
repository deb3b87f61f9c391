package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Robot: the registry records the rejection and why; the incumbent stays, the candidate's files are kept for audit. */
@Component("rejectCandidateDelegate")
class RejectCandidateDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    RejectCandidateDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retraining.reject((String) execution.getVariable(Vars.RETRAINING_ID),
                (String) execution.getVariable(Vars.CANDIDATE_VERSION), PromoteCandidateDelegate.evaluation(execution));
    }
}
