package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Posts the accepted lines (by rule or approved) as stock movements and decides what comes next: a recount,
 * a supervisor's approval (preparing the form's table) or the report.
 */
@Component("postAcceptedVariancesDelegate")
class PostAcceptedVariancesDelegate implements JavaDelegate {

    private final StockCountService counts;

    PostAcceptedVariancesDelegate(StockCountService counts) {
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        InventoryReconciliationProcess.NextStep next = counts.postAccepted(countId);
        StockCountService.Summary summary = counts.summary(countId);
        execution.setVariable(Vars.NEXT_STEP, next.name());
        execution.setVariable(Vars.LINES_POSTED, summary.posted());
        execution.setVariable(Vars.LINES_TO_APPROVE, summary.toApprove());
        execution.setVariable(Vars.LINES_TO_COUNT, summary.toCount());
        switch (next) {
            case APPROVE -> execution.setVariable(Vars.VARIANCE_TABLE, counts.approvalTable(countId));
            case RECOUNT -> {
                StockCountService.CountRequest request = counts.countRequest(countId);
                execution.setVariable(Vars.COUNT_ENTRIES, request.entries());
                execution.setVariable(Vars.COUNT_INSTRUCTIONS, request.instructions());
            }
            case DONE -> {
                // nothing to prepare: the report follows
            }
        }
    }
}
