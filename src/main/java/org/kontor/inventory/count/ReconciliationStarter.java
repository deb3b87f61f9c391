package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an uploaded count sheet and starts its {@code inventory-reconciliation} instance in one
 * transaction: there is never a count without its process or a process without its count.
 */
@Service
public class ReconciliationStarter {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationStarter.class);

    private final StockCountService counts;
    private final RuntimeService runtime;

    ReconciliationStarter(StockCountService counts, RuntimeService runtime) {
        this.counts = counts;
        this.runtime = runtime;
    }

    public record Started(String countId, String processInstanceId) {
    }

    @Transactional
    public Started start(Path file, String fileName, LocalDateTime countedAt, String user) {
        return startFor(counts.receiveSheet(file, fileName, countedAt, user));
    }

    /**
     * A scanned or PDF count sheet from document intake; throws {@link UnreadableCountSheetException} (nothing
     * started) when not one line of it can be read.
     */
    @Transactional(noRollbackFor = UnreadableCountSheetException.class)
    public Started startFromDocument(String documentId, String fileName, LocalDateTime countedAt, String user) {
        return startFor(counts.receiveDocument(documentId, fileName, countedAt, user));
    }

    private Started startFor(StockCount count) {
        String instanceId = runtime.startProcessInstanceByMessage(InventoryReconciliationProcess.MESSAGE_COUNT_SHEET_RECEIVED, count.countId(),
                Variables.createVariables().putValue(Vars.COUNT_ID, count.countId())
                        .putValue(Vars.COUNT_SOURCE, count.source().name())).getId();
        counts.attachProcess(count.countId(), instanceId);
        log.info("Count {}: inventory-reconciliation instance {} started", count.countId(), instanceId);
        return new Started(count.countId(), instanceId);
    }
}
