package org.kontor.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;
import org.kontor.document.classify.Classification;
import org.kontor.document.classify.ClassifierProperties;
import org.kontor.document.classify.DocumentClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classification robot's domain step: classifies a digitised document and records type, confidence
 * and the model version on it. An unsure answer leaves the document IN_REVIEW for a clerk.
 */
@Service
public class DocumentClassification {

    private static final Logger log = LoggerFactory.getLogger(DocumentClassification.class);

    private final DocumentService documents;
    private final DocumentRepository repository;
    private final DocumentClassifier classifier;
    private final ClassifierProperties properties;

    DocumentClassification(DocumentService documents, DocumentRepository repository, DocumentClassifier classifier,
            ClassifierProperties properties) {
        this.documents = documents;
        this.repository = repository;
        this.classifier = classifier;
        this.properties = properties;
    }

    public record Classified(DocumentType type, double confidence, String modelVersion, boolean needsReview,
            String topGuesses) {
    }

    @Transactional
    public Classified classify(String documentId) {
        Document document = documents.get(documentId);
        String text = documents.text(documentId).orElseThrow(() -> new IllegalStateException(
                "Document " + documentId + " has not been digitised yet; classification needs its text."));
        Classification result = classifier.classify(List.of(text)).get(0);
        Double ocrConfidence = "OCR".equals(document.textSource()) && document.ocrConfidence() != null
                ? document.ocrConfidence().doubleValue() : null;
        boolean review = properties.needsReview(result, ocrConfidence);
        repository.setClassification(documentId, result.type(),
                BigDecimal.valueOf(result.confidence()).setScale(4, RoundingMode.HALF_UP), result.modelVersion(),
                "classifier", review ? DocumentStatus.IN_REVIEW : DocumentStatus.CLASSIFIED);
        String guesses = result.top3().stream()
                .map(g -> g.type().name() + " " + Math.round(g.probability() * 100) + "%")
                .collect(Collectors.joining(", "));
        log.info("Document {} classified {} ({}%) by model {}{}", documentId, result.type(),
                Math.round(result.confidence() * 100), result.modelVersion(), !review ? ""
                        : result.needsReview() ? ": needs a clerk" : ": needs a clerk, the scan was hard to read (OCR "
                                + Math.round(ocrConfidence) + "%)");
        return new Classified(result.type(), result.confidence(), result.modelVersion(), review, guesses);
    }
}
