package org.kontor.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.DigitisedDocument;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;
import org.kontor.document.spreadsheet.TableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digitising robot's domain step: reads a stored original into text (and, for PDFs and images,
 * pages with word boxes) and keeps the result with the document. Safe to run twice.
 */
@Service
public class DocumentDigitiser {

    /** Enough of a spreadsheet to classify it; order and count imports read the file itself. */
    static final int MAX_TABLE_ROWS_AS_TEXT = 2_000;

    private static final Logger log = LoggerFactory.getLogger(DocumentDigitiser.class);

    private final DocumentService documents;
    private final DocumentRepository repository;
    private final DigitiseService digitise;
    private final TableReader tables;
    private final ObjectMapper json;

    DocumentDigitiser(DocumentService documents, DocumentRepository repository, DigitiseService digitise,
            TableReader tables, ObjectMapper json) {
        this.documents = documents;
        this.repository = repository;
        this.digitise = digitise;
        this.tables = tables;
        this.json = json;
    }

    public record Digitised(String textSource, int pageCount, double meanConfidence, int textLength) {
    }

    /**
     * @throws org.kontor.document.digitise.UnreadableDocumentException   for a damaged or oversized PDF/image
     * @throws org.kontor.document.spreadsheet.UnreadableTableException for a damaged spreadsheet
     */
    @Transactional
    public Digitised digitise(String documentId) {
        Document document = documents.get(documentId);
        Path original = documents.original(document);
        Digitised result;
        if (document.contentType().isSpreadsheet()) {
            String text = tableAsText(original, document);
            repository.setDigitised(documentId, "TABLE", 1, BigDecimal.valueOf(100), text, null);
            result = new Digitised("TABLE", 1, 100, text.length());
        } else {
            DigitisedDocument digitised = digitise.digitise(original, document.contentType());
            BigDecimal confidence = BigDecimal.valueOf(digitised.meanConfidence()).setScale(2, RoundingMode.HALF_UP);
            repository.setDigitised(documentId, digitised.source().name(), digitised.pages().size(), confidence,
                    digitised.text(), toJson(digitised));
            result = new Digitised(digitised.source().name(), digitised.pages().size(), digitised.meanConfidence(),
                    digitised.text().length());
        }
        log.info("Document {} digitised: {} page(s) from {}, {} characters, confidence {}", documentId,
                result.pageCount(), result.textSource(), result.textLength(), Math.round(result.meanConfidence()));
        return result;
    }

    private String tableAsText(Path original, Document document) {
        StringBuilder text = new StringBuilder();
        try (TableCursor cursor = tables.open(original, document.contentType())) {
            text.append(String.join("\t", cursor.header())).append('\n');
            for (int rows = 0; rows < MAX_TABLE_ROWS_AS_TEXT && cursor.hasNext(); rows++) {
                TableRow row = cursor.next();
                text.append(String.join("\t", row.cells())).append('\n');
            }
        }
        return text.toString();
    }

    private String toJson(DigitisedDocument digitised) {
        try {
            return json.writeValueAsString(digitised.pages());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise OCR pages", e);
        }
    }
}
