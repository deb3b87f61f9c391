package org.kontor.document.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process end, also when an instance is cancelled in Cockpit: a run that did not decide must not block the next. */
@Component("retrainingEndedListener")
class RetrainingEndedListener implements ExecutionListener {

    private final RetrainingService retraining;

    RetrainingEndedListener(RetrainingService retraining) {
        this.retraining = retraining;
    }

    @Override
    public void notify(DelegateExecution execution) {
        retraining.ended(execution.getProcessInstanceId());
    }
}
