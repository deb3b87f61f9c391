package org.kontor.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kontor.document.content.ContentSniffer;
import org.kontor.document.content.ContentType;
import org.kontor.platform.persistence.ConcurrentInsert;
import org.kontor.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incoming files become documents: stored once per content, typed by their bytes. Knows nothing of
 * processes or orders; the intake capability drives it.
 */
@Service
public class DocumentService {

    /** What Kontor can digitise. Anything else is refused before a document or a process exists. */
    public static final Set<ContentType> ACCEPTED = Set.of(ContentType.PDF, ContentType.PNG, ContentType.JPEG,
            ContentType.TIFF, ContentType.XLSX, ContentType.XLS, ContentType.CSV);

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper PROBLEMS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ContentSniffer sniffer;
    private final DocumentFileStore files;
    private final DocumentRepository documents;

    DocumentService(ContentSniffer sniffer, DocumentFileStore files, DocumentRepository documents) {
        this.sniffer = sniffer;
        this.files = files;
        this.documents = documents;
    }

    public record Registration(Document document, boolean created) {
    }

    /**
     * Registers a file as a document, or finds the document that already has these bytes. The file's
     * type is decided by its content; the name is kept only to show it to people.
     */
    @Transactional
    public Registration register(Path file, String fileName, String receivedVia, String receivedBy) {
        ContentType type = sniffer.require(file, ACCEPTED, "a document Kontor can read (PDF, PNG, JPEG, TIFF, XLSX, XLS, CSV)");
        String sha = DocumentFileStore.sha256(file);
        Optional<Document> existing = documents.findBySha256(sha);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        files.put(file, sha);
        Document document = new Document(UUID.randomUUID().toString(), sha, safeName(fileName), type, size(file),
                DocumentStatus.RECEIVED, null, null, null, null, null, null, null, receivedVia, receivedBy, null, null,
                null, null, null, null, null);
        try {
            documents.insert(document);
        } catch (DuplicateKeyException sameBytesConcurrently) {
            return new Registration(ConcurrentInsert.awaitWinner(() -> documents.findBySha256(sha),
                    "Document with SHA-256 " + sha), false);
        }
        log.info("Document {} received via {} from {}: {} ({} bytes, {})", document.documentId(), receivedVia, receivedBy,
                document.fileName(), document.sizeBytes(), type);
        return new Registration(documents.find(document.documentId()).orElseThrow(), true);
    }

    public Document get(String documentId) {
        return documents.find(documentId)
                .orElseThrow(() -> new NotFoundException("No document with id " + documentId + "."));
    }

    public Optional<Document> find(String documentId) {
        return documents.find(documentId);
    }

    /** The original bytes. */
    public Path original(Document document) {
        return files.path(document.sha256());
    }

    public Optional<String> text(String documentId) {
        return documents.text(documentId);
    }

    public Optional<String> pagesJson(String documentId) {
        return documents.pages(documentId);
    }

    @Transactional
    public void attachProcess(String documentId, String processInstanceId) {
        documents.setProcessInstance(documentId, processInstanceId);
    }

    @Transactional
    public void setStatus(String documentId, DocumentStatus status) {
        documents.setStatus(documentId, status);
    }

    /** What was read from the document (JSON in the SPEC §5 {@code fields} shape), with a confidence per field. */
    @Transactional
    public void recordExtraction(String documentId, String fieldsJson, String confidenceJson) {
        documents.setExtractedFields(documentId, fieldsJson);
        if (confidenceJson != null) {
            documents.setFieldConfidence(documentId, confidenceJson);
        }
    }

    /** The order made from this purchase-order document, and where the document stands with it. */
    @Transactional
    public void orderProgress(String documentId, String orderId, DocumentStatus status) {
        documents.setOrder(documentId, orderId);
        documents.setStatus(documentId, status);
    }

    /**
     * Marks a document the robots could not read, in a transaction of its own: the robot step's own
     * transaction is rolled back by the failure that this records.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void markFailed(String documentId, String problem) {
        documents.setStatus(documentId, DocumentStatus.FAILED);
        documents.setProblems(documentId, problemsJson(problem));
    }

    private static String problemsJson(String problem) {
        try {
            return PROBLEMS_JSON.writeValueAsString(java.util.List.of(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clerk's decision on the type: final for this document and a training example for the next model. */
    @Transactional
    public void classifiedByClerk(String documentId, DocumentType type, String clerk) {
        get(documentId);
        if (!documents.hasLabel(documentId, type, clerk)) {
            documents.addLabel(documentId, type, clerk);
        }
        documents.setClassification(documentId, type, java.math.BigDecimal.ONE, null, clerk, DocumentStatus.CLASSIFIED);
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String unixName = name.replace('\\', '/');
        String base = unixName.substring(unixName.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
