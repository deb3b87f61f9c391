package org.kontor.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.kontor.inventory.StockReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a goods receipt commits, every back-ordered order is told to try again; each reserves only what
 * it still lacks, so telling one too many costs a query, while telling one too few would leave it waiting
 * for the daily re-check.
 */
@Component
class BackorderRelease {

    private static final Logger log = LoggerFactory.getLogger(BackorderRelease.class);

    private final RuntimeService runtime;
    private final TransactionTemplate newTransaction;

    BackorderRelease(RuntimeService runtime, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.newTransaction = new TransactionTemplate(transactions);
        // after commit the old transaction's resources are still bound: work here needs a transaction of its own
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStockReceived(StockReceivedEvent event) {
        var results = newTransaction.execute(status ->
                runtime.createMessageCorrelation(OrderIntakeProcess.MESSAGE_STOCK_RECEIVED).correlateAllWithResult());
        if (!results.isEmpty()) {
            log.info("Goods receipt of {} x {}: {} back-ordered order(s) re-check their stock", event.quantity(),
                    event.sku(), results.size());
        }
    }
}
