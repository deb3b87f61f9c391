package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes the count's open replenishment suggestions as ordered (or dismissed) by the supervisor. */
@Component("recordReplenishmentOrderedDelegate")
class RecordReplenishmentOrderedDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordReplenishmentOrderedDelegate.class);

    private final ReplenishmentService replenishment;

    RecordReplenishmentOrderedDelegate(ReplenishmentService replenishment) {
        this.replenishment = replenishment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        boolean ordered = Boolean.TRUE.equals(execution.getVariable(Vars.REPLENISHMENT_ORDERED));
        String user = (String) execution.getVariable(Vars.ORDERED_BY);
        int closed = replenishment.close(countId, ordered, user == null ? "unknown" : user);
        log.info("Count {}: {} replenishment suggestions {} by {}", execution.getBusinessKey(), closed,
                ordered ? "ordered" : "dismissed", user);
    }
}
