package org.kontor.document;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.kontor.document.content.ContentType;

/** What Kontor knows about one stored file. The bytes themselves are in the {@link DocumentFileStore}. */
public record Document(
        String documentId,
        String sha256,
        String fileName,
        ContentType contentType,
        long sizeBytes,
        DocumentStatus status,
        DocumentType documentType,
        BigDecimal typeConfidence,
        String modelVersion,
        String classifiedBy,
        String textSource,
        Integer pageCount,
        BigDecimal ocrConfidence,
        String receivedVia,
        String receivedBy,
        String processInstanceId,
        String orderId,
        String problems,
        String extractedFields,
        String fieldConfidence,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}
