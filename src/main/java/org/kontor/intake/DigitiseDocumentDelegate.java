package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.DocumentDigitiser;
import org.kontor.document.DocumentService;
import org.kontor.document.digitise.UnreadableDocumentException;
import org.kontor.document.spreadsheet.UnreadableTableException;
import org.springframework.stereotype.Component;

/**
 * Robot: digitise the document. A file that cannot be read is marked FAILED with the reason, and the
 * failure goes on to Camunda's retries and then an incident carrying the same reason.
 */
@Component("digitiseDocumentDelegate")
class DigitiseDocumentDelegate implements JavaDelegate {

    private final DocumentDigitiser digitiser;
    private final DocumentService documents;

    DigitiseDocumentDelegate(DocumentDigitiser digitiser, DocumentService documents) {
        this.digitiser = digitiser;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String documentId = (String) execution.getVariable(Vars.DOCUMENT_ID);
        try {
            DocumentDigitiser.Digitised result = digitiser.digitise(documentId);
            execution.setVariable(Vars.TEXT_SOURCE, result.textSource());
            execution.setVariable(Vars.PAGE_COUNT, result.pageCount());
        } catch (UnreadableDocumentException | UnreadableTableException e) {
            documents.markFailed(documentId, e.getMessage());
            throw e;
        }
    }
}
