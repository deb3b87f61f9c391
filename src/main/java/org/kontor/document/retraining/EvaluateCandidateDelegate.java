package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Robot: candidate and incumbent on the same frozen held-out set. */
@Component("evaluateCandidateDelegate")
class EvaluateCandidateDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    EvaluateCandidateDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RetrainingService.Evaluation evaluation = retraining.evaluate((String) execution.getVariable(Vars.RETRAINING_ID),
                (String) execution.getVariable(Vars.CANDIDATE_VERSION));
        execution.setVariable(Vars.CANDIDATE_ACCURACY, evaluation.candidateAccuracy());
        execution.setVariable(Vars.INCUMBENT_VERSION, evaluation.incumbentVersion());
        execution.setVariable(Vars.INCUMBENT_ACCURACY, evaluation.incumbentAccuracy());
        execution.setVariable(Vars.NOT_WORSE, evaluation.notWorse());
    }
}
