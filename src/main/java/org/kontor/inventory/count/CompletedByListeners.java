package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.kontor.platform.engine.TaskCompleter;
import org.springframework.stereotype.Component;

/**
 * Who completed a reconciliation task, for the robot step after it (and the stock movements it posts): the
 * person logged into Tasklist or calling /engine-rest, else the assignee.
 */
final class CompletedByListeners {

    private CompletedByListeners() {
    }

    /** Approve variances: {@code approvedBy}. */
    @Component("varianceApprovalCompletedListener")
    static class VarianceApproval implements TaskListener {
        private final IdentityService identity;

        VarianceApproval(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable(Vars.APPROVED_BY, TaskCompleter.of(identity, task));
        }
    }

    /** Count stock: {@code countedBy} and {@code countedAt} (UTC, when the form was completed). */
    @Component("stockCountCompletedListener")
    static class StockCount implements TaskListener {
        private final IdentityService identity;
        private final Clock clock;

        StockCount(IdentityService identity, Clock clock) {
            this.identity = identity;
            this.clock = clock;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable(Vars.COUNTED_BY, TaskCompleter.of(identity, task));
            task.setVariable(Vars.COUNTED_AT, LocalDateTime.now(clock).toString());
        }
    }

    /** Order replenishment: {@code orderedBy}. */
    @Component("replenishmentOrderCompletedListener")
    static class ReplenishmentOrder implements TaskListener {
        private final IdentityService identity;

        ReplenishmentOrder(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable(Vars.ORDERED_BY, TaskCompleter.of(identity, task));
        }
    }
}
