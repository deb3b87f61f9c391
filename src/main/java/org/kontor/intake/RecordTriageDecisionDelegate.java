package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.document.DocumentType;
import org.kontor.intake.DocumentIntakeProcess.TriageDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A triaged document is accepted (kept as handled), rejected, or given its right type: the clerk's type is a
 * training example like an answer to Classify document, and the process routes the document again.
 */
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
        String clerk = (String) execution.getVariable(Vars.COMPLETED_BY);
        if (decision == TriageDecision.RECLASSIFY) {
            Object type = execution.getVariable(Vars.TRIAGE_DOCUMENT_TYPE);
            if (type == null) {
                throw new IllegalArgumentException("The triage answer says the type is wrong but names no type; "
                        + "open the task again and choose the document's type.");
            }
            DocumentType corrected = DocumentType.valueOf((String) type);
            documents.classifiedByClerk(documentId, corrected, clerk);
            execution.setVariable(Vars.DOCUMENT_TYPE, corrected.name());
            log.info("Document {}: type corrected to {} by {} in triage", execution.getBusinessKey(), corrected, clerk);
            return;
        }
        documents.setStatus(documentId, decision == TriageDecision.ACCEPT ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED);
        log.info("Document {}: triage {} by {}", execution.getBusinessKey(), decision, clerk);
    }
}
