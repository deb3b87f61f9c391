package org.kontor.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        Authentication current = identity.getCurrentAuthentication();
        String user = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        task.setVariable(DocumentIntakeProcess.Vars.COMPLETED_BY, user == null ? "unknown" : user);
    }
}
