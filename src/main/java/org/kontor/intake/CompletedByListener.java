package org.kontor.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.kontor.platform.engine.TaskCompleter;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed a user task ({@code completedBy}), for the robot step after it: the person
 * logged into Tasklist, else the assignee. Auditors see the same in the history.
 */
@Component("completedByListener")
class CompletedByListener implements TaskListener {

    private final IdentityService identity;

    CompletedByListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(DocumentIntakeProcess.Vars.COMPLETED_BY, TaskCompleter.of(identity, task));
    }
}
