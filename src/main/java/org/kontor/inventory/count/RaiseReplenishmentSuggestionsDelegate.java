package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Raises replenishment suggestions (and low-stock alerts) for the count's SKUs below their reorder point. */
@Component("raiseReplenishmentSuggestionsDelegate")
class RaiseReplenishmentSuggestionsDelegate implements JavaDelegate {

    private final ReplenishmentService replenishment;
    private final StockCountService counts;

    RaiseReplenishmentSuggestionsDelegate(ReplenishmentService replenishment, StockCountService counts) {
        this.replenishment = replenishment;
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        List<ReplenishmentSuggestion> raised = replenishment.raiseFor(countId);
        execution.setVariable(Vars.SUGGESTIONS, raised.size());
        if (!raised.isEmpty()) {
            execution.setVariable(Vars.REPLENISHMENT_TABLE, replenishment.table(raised));
        }
        counts.setStatus(countId, CountStatus.COMPLETED);
    }
}
