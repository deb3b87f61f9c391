package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores the clerk's answer as the document's type and as a training example. */
@Component("recordClerkClassificationDelegate")
class RecordClerkClassificationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordClerkClassificationDelegate.class);

    private final DocumentService documents;

    RecordClerkClassificationDelegate(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String documentId = (String) execution.getVariable(Vars.DOCUMENT_ID);
        DocumentType type = DocumentType.valueOf((String) execution.getVariable(Vars.CLERK_DOCUMENT_TYPE));
        String clerk = (String) execution.getVariable(Vars.COMPLETED_BY);
        documents.classifiedByClerk(documentId, type, clerk);
        execution.setVariable(Vars.DOCUMENT_TYPE, type.name());
        log.info("Document {}: classified {} by clerk {}", execution.getBusinessKey(), type, clerk);
    }
}
