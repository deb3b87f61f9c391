package org.kontor.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.kontor.document.content.ContentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

    private static final String COLUMNS = "document_id, sha256, file_name, content_type, size_bytes, status, document_type, "
            + "type_confidence, model_version, classified_by, text_source, page_count, ocr_confidence, received_via, "
            + "received_by, process_instance_id, order_id, problems, extracted_fields, field_confidence, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new document; a second insert of the same bytes fails on the unique SHA-256. */
    void insert(Document d) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("INSERT INTO document (document_id, sha256, file_name, content_type, size_bytes, status, received_via, "
                        + "received_by, created_at, updated_at) VALUES (:id, :sha, :name, :type, :size, :status, :via, :by, :now, :now)")
                .param("id", d.documentId()).param("sha", d.sha256()).param("name", d.fileName())
                .param("type", d.contentType().name()).param("size", d.sizeBytes()).param("status", d.status().name())
                .param("via", d.receivedVia()).param("by", d.receivedBy()).param("now", now).update();
    }

    Optional<Document> find(String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE document_id = :id").param("id", documentId)
                .query(DocumentRepository::document).optional();
    }

    Optional<Document> findBySha256(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE sha256 = :sha").param("sha", sha256)
                .query(DocumentRepository::document).optional();
    }

    /**
     * An explicit mapper: the by-name record mapper probes camelCase names first, and on H2 each miss is an
     * exception written to the trace file, per column and row (fifteen per document lookup, and every robot step
     * looks its document up).
     */
    private static Document document(ResultSet rs, int row) throws SQLException {
        return new Document(rs.getString(1), rs.getString(2), rs.getString(3), ContentType.valueOf(rs.getString(4)),
                rs.getLong(5), DocumentStatus.valueOf(rs.getString(6)), enumOrNull(DocumentType.class, rs.getString(7)),
                rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, Integer.class),
                rs.getBigDecimal(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getObject(21, LocalDateTime.class),
                rs.getObject(22, LocalDateTime.class));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    void setProcessInstance(String documentId, String processInstanceId) {
        update("UPDATE document SET process_instance_id = :value, updated_at = :now WHERE document_id = :id",
                documentId, processInstanceId);
    }

    void setStatus(String documentId, DocumentStatus status) {
        update("UPDATE document SET status = :value, updated_at = :now WHERE document_id = :id", documentId, status.name());
    }

    void setOrder(String documentId, String orderId) {
        update("UPDATE document SET order_id = :value, updated_at = :now WHERE document_id = :id", documentId, orderId);
    }

    void setExtractedFields(String documentId, String fieldsJson) {
        update("UPDATE document SET extracted_fields = :value, updated_at = :now WHERE document_id = :id", documentId,
                fieldsJson);
    }

    void setFieldConfidence(String documentId, String confidenceJson) {
        update("UPDATE document SET field_confidence = :value, updated_at = :now WHERE document_id = :id", documentId,
                confidenceJson);
    }

    void setProblems(String documentId, String problemsJson) {
        update("UPDATE document SET problems = :value, updated_at = :now WHERE document_id = :id", documentId, problemsJson);
    }

    void setDigitised(String documentId, String textSource, int pageCount, BigDecimal ocrConfidence, String text,
            String pagesJson) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("UPDATE document SET text_source = :source, page_count = :pages, ocr_confidence = :confidence, "
                        + "updated_at = :now WHERE document_id = :id")
                .param("source", textSource).param("pages", pageCount).param("confidence", ocrConfidence)
                .param("now", now).param("id", documentId).update();
        // delete + insert keeps a re-run of the robot step (after a crash or retry) idempotent
        jdbc.sql("DELETE FROM document_content WHERE document_id = :id").param("id", documentId).update();
        jdbc.sql("INSERT INTO document_content (document_id, text, pages) VALUES (:id, :text, :pages)")
                .param("id", documentId).param("text", text).param("pages", pagesJson).update();
    }

    void setClassification(String documentId, DocumentType type, BigDecimal confidence, String modelVersion,
            String classifiedBy, DocumentStatus status) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("UPDATE document SET document_type = :type, type_confidence = :confidence, model_version = :model, "
                        + "classified_by = :by, status = :status, updated_at = :now WHERE document_id = :id")
                .param("type", type.name()).param("confidence", confidence).param("model", modelVersion)
                .param("by", classifiedBy).param("status", status.name()).param("now", now).param("id", documentId)
                .update();
    }

    Optional<String> text(String documentId) {
        return jdbc.sql("SELECT text FROM document_content WHERE document_id = :id").param("id", documentId)
                .query(String.class).optional();
    }

    Optional<String> pages(String documentId) {
        return jdbc.sql("SELECT pages FROM document_content WHERE document_id = :id").param("id", documentId)
                .query(String.class).optional();
    }

    void addLabel(String documentId, DocumentType type, String labelledBy) {
        jdbc.sql("INSERT INTO document_label (document_id, document_type, labelled_by, labelled_at) "
                        + "VALUES (:id, :type, :by, :now)")
                .param("id", documentId).param("type", type.name()).param("by", labelledBy)
                .param("now", LocalDateTime.now(clock)).update();
    }

    boolean hasLabel(String documentId, DocumentType type, String labelledBy) {
        return jdbc.sql("SELECT COUNT(*) FROM document_label WHERE document_id = :id AND document_type = :type "
                        + "AND labelled_by = :by")
                .param("id", documentId).param("type", type.name()).param("by", labelledBy).query(Long.class).single() > 0;
    }

    private void update(String sql, String documentId, Object value) {
        jdbc.sql(sql).param("value", value).param("now", LocalDateTime.now(clock)).param("id", documentId).update();
    }
}
