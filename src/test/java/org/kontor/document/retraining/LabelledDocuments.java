package org.kontor.document.retraining;

import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents a clerk has classified, as the intake process leaves them: document, its text, the clerk's label. */
final class LabelledDocuments {

    private LabelledDocuments() {
    }

    static void insert(JdbcClient jdbc, int count, long seed) {
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC); // as the application's clock stores times
        List<GeneratedDocument> docs = new CorpusGenerator(seed).generate(CorpusSplit.VALIDATION, count);
        for (GeneratedDocument doc : docs) {
            String id = UUID.randomUUID().toString();
            String sha = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(new java.util.Random().nextLong())
                    .putLong(System.nanoTime()).putLong(seed).array());
            jdbc.sql("INSERT INTO document (document_id, sha256, file_name, content_type, size_bytes, status, document_type, "
                            + "classified_by, received_via, received_by, created_at, updated_at) VALUES (:id, :sha, 'scan.pdf', "
                            + "'PDF', 1000, 'CLASSIFIED', :type, 'clerk', 'API', 'integration', :now, :now)")
                    .param("id", id).param("sha", sha).param("type", doc.type().name()).param("now", now).update();
            jdbc.sql("INSERT INTO document_content (document_id, text) VALUES (:id, :text)")
                    .param("id", id).param("text", doc.text()).update();
            jdbc.sql("INSERT INTO document_label (document_id, document_type, labelled_by, labelled_at) "
                            + "VALUES (:id, :type, 'clerk', :now)")
                    .param("id", id).param("type", doc.type().name()).param("now", now).update();
        }
    }
}
