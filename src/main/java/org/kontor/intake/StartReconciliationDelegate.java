package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.inventory.count.ReconciliationStarter;
import org.springframework.stereotype.Component;

/**
 * Robot: a stock-count spreadsheet starts its inventory reconciliation, counted when it arrived. Runs in
 * the job's transaction, so a retry after a failure starts nothing twice.
 */
@Component("startReconciliationDelegate")
class StartReconciliationDelegate implements JavaDelegate {

    private final DocumentService documents;
    private final ReconciliationStarter reconciliation;

    StartReconciliationDelegate(DocumentService documents, ReconciliationStarter reconciliation) {
        this.documents = documents;
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Document document = documents.get((String) execution.getVariable(Vars.DOCUMENT_ID));
        ReconciliationStarter.Started started = reconciliation.start(documents.original(document), document.fileName(),
                document.createdAt(), "document-intake");
        execution.setVariable(Vars.COUNT_ID, started.countId());
        documents.setStatus(document.documentId(), DocumentStatus.ACCEPTED);
    }
}
