package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Robot: the registry records the promotion, then the classifier swaps the candidate in. */
@Component("promoteCandidateDelegate")
class PromoteCandidateDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    PromoteCandidateDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retraining.promote((String) execution.getVariable(Vars.RETRAINING_ID),
                (String) execution.getVariable(Vars.CANDIDATE_VERSION), evaluation(execution));
    }

    static RetrainingService.Evaluation evaluation(DelegateExecution execution) {
        return new RetrainingService.Evaluation((Double) execution.getVariable(Vars.CANDIDATE_ACCURACY),
                (String) execution.getVariable(Vars.INCUMBENT_VERSION),
                (Double) execution.getVariable(Vars.INCUMBENT_ACCURACY),
                Boolean.TRUE.equals(execution.getVariable(Vars.NOT_WORSE)));
    }
}
