package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Robot: are there enough new clerk labels to learn from (or is the run forced)? */
@Component("collectExamplesDelegate")
class CollectExamplesDelegate implements JavaDelegate {

    private final RetrainingService retraining;

    CollectExamplesDelegate(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RetrainingService.Collected collected = retraining.collect(execution.getProcessInstanceId(),
                (String) execution.getVariable(Vars.RETRAINING_ID), Boolean.TRUE.equals(execution.getVariable(Vars.FORCE)));
        execution.setVariable(Vars.RETRAINING_ID, collected.retrainingId());
        execution.setVariable(Vars.NEW_LABELS, collected.newLabels());
        execution.setVariable(Vars.EXAMPLES_USED, collected.examplesUsed());
        execution.setVariable(Vars.ENOUGH_TO_LEARN, collected.enoughToLearn());
    }
}
