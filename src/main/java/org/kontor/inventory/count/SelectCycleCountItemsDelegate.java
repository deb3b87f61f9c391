package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Chooses today's cycle count: SKUs whose last posted count is older than their class's interval (A every
 * 7 days, B every 30, C and unclassified every 90 by default; never counted first, A before B before C),
 * at most {@code kontor.inventory.cycle-count.max-items} of them.
 */
@Component("selectCycleCountItemsDelegate")
class SelectCycleCountItemsDelegate implements JavaDelegate {

    private final StockCountService counts;
    private final int maxItems;
    private final Map<String, Integer> intervals;

    SelectCycleCountItemsDelegate(StockCountService counts,
            @Value("${kontor.inventory.cycle-count.max-items:20}") int maxItems,
            @Value("${kontor.inventory.cycle-count.interval-days-a:7}") int a,
            @Value("${kontor.inventory.cycle-count.interval-days-b:30}") int b,
            @Value("${kontor.inventory.cycle-count.interval-days-c:90}") int c) {
        this.counts = counts;
        this.maxItems = maxItems;
        this.intervals = Map.of("A", a, "B", b, "C", c);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = counts.startCycleCount(maxItems, intervals, StockCountService.ROBOT);
        if (countId == null) {
            execution.setVariable(Vars.LINES_TO_COUNT, 0);
            return;
        }
        execution.setProcessBusinessKey(countId);
        counts.attachProcess(countId, execution.getProcessInstanceId());
        StockCountService.CountRequest request = counts.countRequest(countId);
        execution.setVariable(Vars.COUNT_ID, countId);
        execution.setVariable(Vars.COUNT_SOURCE, CountSource.CYCLE_COUNT.name());
        execution.setVariable(Vars.LINES_TO_COUNT, request.lines());
        execution.setVariable(Vars.COUNT_ENTRIES, request.entries());
        execution.setVariable(Vars.COUNT_INSTRUCTIONS, request.instructions());
    }
}
