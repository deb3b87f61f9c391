package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.intake.DocumentIntakeProcess.TriageDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A triaged document is accepted (kept as handled) or rejected. */
@Component("recordTriageDecisionDelegate")
class RecordTriageDecisionDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordTriageDecisionDelegate.class);

    private final DocumentService documents;

    RecordTriageDecisionDelegate(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String documentId = (String) execution.getVariable(Vars.DOCUMENT_ID);
        TriageDecision decision = TriageDecision.valueOf((String) execution.getVariable(Vars.TRIAGE_DECISION));
        documents.setStatus(documentId, decision == TriageDecision.ACCEPT ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED);
        log.info("Document {}: triage {} by {}", execution.getBusinessKey(), decision, execution.getVariable(Vars.COMPLETED_BY));
    }
}
