package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Compares the counted lines with the books at counting time and applies variance-approval.dmn per line. */
@Component("evaluateVariancesDelegate")
class EvaluateVariancesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EvaluateVariancesDelegate.class);

    private final StockCountService counts;

    EvaluateVariancesDelegate(StockCountService counts) {
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StockCountService.Summary summary = counts.evaluate((String) execution.getVariable(Vars.COUNT_ID));
        execution.setVariable(Vars.LINES_TO_APPROVE, summary.toApprove());
        execution.setVariable(Vars.LINES_TO_COUNT, summary.toCount());
        log.info("Count {}: variances evaluated, {} lines for a supervisor, {} to count again",
                execution.getBusinessKey(), summary.toApprove(), summary.toCount());
    }
}
