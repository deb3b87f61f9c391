package org.kontor.intake;

import java.nio.file.Path;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a file enters Kontor (REST, inbox): registers the document and starts its
 * {@code document-intake} instance in the same transaction, so there is never a document without a
 * process or a process without its document. The same bytes again start nothing.
 */
@Service
public class DocumentIntakeService {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntakeService.class);

    private final DocumentService documents;
    private final RuntimeService runtime;

    DocumentIntakeService(DocumentService documents, RuntimeService runtime) {
        this.documents = documents;
        this.runtime = runtime;
    }

    public record Intake(String documentId, String processInstanceId, boolean created) {
    }

    @Transactional
    public Intake receive(Path file, String fileName, String receivedVia, String receivedBy) {
        DocumentService.Registration registration = documents.register(file, fileName, receivedVia, receivedBy);
        Document document = registration.document();
        if (document.processInstanceId() != null) {
            return new Intake(document.documentId(), document.processInstanceId(), false);
        }
        String instanceId = runtime.startProcessInstanceByKey(DocumentIntakeProcess.KEY, document.documentId(),
                Variables.createVariables()
                        .putValue(DocumentIntakeProcess.Vars.DOCUMENT_ID, document.documentId())
                        .putValue(DocumentIntakeProcess.Vars.FILE_NAME,
                                document.fileName() == null ? "(unnamed)" : document.fileName()))
                .getId();
        documents.attachProcess(document.documentId(), instanceId);
        log.info("Document {} ({}): document-intake instance {} started", document.documentId(), document.fileName(),
                instanceId);
        return new Intake(document.documentId(), instanceId, registration.created());
    }
}
