package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the uploaded sheet into count lines; unknown SKUs and unreadable rows are reported on the count. */
@Component("parseCountSheetDelegate")
class ParseCountSheetDelegate implements JavaDelegate {

    private final StockCountService counts;

    ParseCountSheetDelegate(StockCountService counts) {
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StockCountService.Summary summary = counts.parse((String) execution.getVariable(Vars.COUNT_ID));
        execution.setVariable(Vars.LINES, summary.lines());
        execution.setVariable(Vars.PROBLEMS, summary.problems());
    }
}
