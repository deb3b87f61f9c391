package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.inventory.count.ReconciliationStarter;
import org.kontor.inventory.count.UnreadableCountSheetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Robot: a stock-count document starts its inventory reconciliation, counted when it arrived - a spreadsheet
 * as a sheet, a scan or PDF from its digitised pages. A scan without a single readable line (not filled in,
 * unreadable) starts nothing and goes to a clerk's triage with the reason. Runs in the job's transaction, so a
 * retry after a failure starts nothing twice.
 */
@Component("startReconciliationDelegate")
class StartReconciliationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(StartReconciliationDelegate.class);

    private final DocumentService documents;
    private final ReconciliationStarter reconciliation;

    StartReconciliationDelegate(DocumentService documents, ReconciliationStarter reconciliation) {
        this.documents = documents;
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Document document = documents.get((String) execution.getVariable(Vars.DOCUMENT_ID));
        ReconciliationStarter.Started started;
        try {
            started = document.contentType().isSpreadsheet()
                    ? reconciliation.start(documents.original(document), document.fileName(), document.createdAt(),
                            "document-intake")
                    : reconciliation.startFromDocument(document.documentId(), document.fileName(), document.createdAt(),
                            "document-intake");
        } catch (UnreadableCountSheetException e) {
            log.info("Document {}: stock count not started, to triage: {}", execution.getBusinessKey(), e.getMessage());
            execution.setVariable(Vars.COUNT_STARTED, false);
            execution.setVariable(Vars.TRIAGE_REASON, "Not reconciled: " + e.getMessage());
            return;
        }
        execution.setVariable(Vars.COUNT_ID, started.countId());
        execution.setVariable(Vars.COUNT_STARTED, true);
        documents.setStatus(document.documentId(), DocumentStatus.ACCEPTED);
    }
}
