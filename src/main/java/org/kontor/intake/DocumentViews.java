package org.kontor.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.kontor.document.Document;
import org.springframework.stereotype.Component;

/** The JSON shape of {@code GET /api/documents/{id}} (SPEC §5). */
@Component
class DocumentViews {

    private final ObjectMapper json;

    DocumentViews(ObjectMapper json) {
        this.json = json;
    }

    record DocumentView(String documentId, String status, String type, BigDecimal typeConfidence, String modelVersion,
            String classifiedBy, String fileName, String contentType, long sizeBytes, Integer pageCount,
            String textSource, BigDecimal ocrConfidence, JsonNode fields, JsonNode confidence, String orderId,
            JsonNode problems, String processInstanceId) {
    }

    DocumentView view(Document d) {
        return new DocumentView(d.documentId(), d.status().name(), d.documentType() == null ? null : d.documentType().name(),
                d.typeConfidence(), d.modelVersion(), d.classifiedBy(), d.fileName(), d.contentType().mediaType(),
                d.sizeBytes(), d.pageCount(), d.textSource(), d.ocrConfidence(), parseObject(d.extractedFields()),
                parseObject(d.fieldConfidence()), d.orderId(),
                parse(d.problems()), d.processInstanceId());
    }

    private JsonNode parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.createArrayNode().add(text);
        }
    }
}
