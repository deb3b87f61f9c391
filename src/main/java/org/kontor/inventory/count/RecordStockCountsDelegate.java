package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.time.Clock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the counts a clerk entered in the count-stock form (cycle count or recount) into the count's lines. */
@Component("recordStockCountsDelegate")
class RecordStockCountsDelegate implements JavaDelegate {

    private final StockCountService counts;
    private final Clock clock;

    RecordStockCountsDelegate(StockCountService counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        String countedAtText = (String) execution.getVariable(Vars.COUNTED_AT);
        // the time the clerk completed the form, not the time this step runs: goods may move in between
        LocalDateTime countedAt = countedAtText == null ? LocalDateTime.now(clock) : LocalDateTime.parse(countedAtText);
        String countedBy = (String) execution.getVariable(Vars.COUNTED_BY);
        StockCountService.Summary summary = counts.recordCounts(countId, (String) execution.getVariable(Vars.COUNT_ENTRIES),
                countedAt, countedBy == null ? "unknown" : countedBy);
        execution.setVariable(Vars.PROBLEMS, summary.problems());
        execution.removeVariable(Vars.COUNT_ENTRIES);
    }
}
