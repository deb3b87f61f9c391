package org.kontor.platform.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a user task: the person logged into Tasklist or calling /engine-rest, else the assignee. */
public final class TaskCompleter {

    private TaskCompleter() {
    }

    public static String of(IdentityService identity, DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        String user = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        return user == null ? "unknown" : user;
    }
}
