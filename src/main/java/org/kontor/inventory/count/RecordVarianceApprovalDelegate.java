package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the supervisor's answer: listed lines rejected or sent to be counted again, the rest approved.
 * An answer naming lines that are not waiting goes back to the supervisor with the reason.
 */
@Component("recordVarianceApprovalDelegate")
class RecordVarianceApprovalDelegate implements JavaDelegate {

    private final StockCountService counts;

    RecordVarianceApprovalDelegate(StockCountService counts) {
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        String approver = (String) execution.getVariable(Vars.APPROVED_BY);
        StockCountService.Approval approval = counts.recordApproval(countId, (String) execution.getVariable(Vars.REJECT_LINES),
                (String) execution.getVariable(Vars.RECOUNT_LINES), approver == null ? "unknown" : approver);
        execution.setVariable(Vars.APPROVAL_VALID, approval.valid());
        if (approval.valid()) {
            // the next approval round (after a recount) starts with empty fields; history keeps these answers
            execution.removeVariable(Vars.APPROVAL_PROBLEMS);
            execution.removeVariable(Vars.REJECT_LINES);
            execution.removeVariable(Vars.RECOUNT_LINES);
        } else {
            execution.setVariable(Vars.APPROVAL_PROBLEMS, approval.problems());
        }
    }
}
