package org.kontor.document.retraining;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.List;
import org.kontor.document.DocumentType;
import org.kontor.document.classify.ClassifierTrainer.Example;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents clerks classified (table {@code document_label}, the latest answer per document) with their text
 * ({@code document_content}). A fixed share of them, chosen by a hash of the document id, belongs to the frozen
 * held-out set and is never trained on: the same document stays on the same side in every run.
 */
@Repository
class LabelledExamples {

    /** Longer texts are cut: the features of a document's first pages decide its type. */
    static final int MAX_TEXT_CHARS = 20_000;

    private static final String LATEST_LABELS = "FROM document_label l JOIN document_content c ON c.document_id = l.document_id "
            + "WHERE l.id = (SELECT MAX(l2.id) FROM document_label l2 WHERE l2.document_id = l.document_id) ";

    record Labelled(String documentId, DocumentType type) {
    }

    private final JdbcClient jdbc;

    LabelledExamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Clerk labels given after {@code since} (all when null). */
    int countSince(LocalDateTime since) {
        return since == null
                ? jdbc.sql("SELECT COUNT(*) FROM document_label").query(Integer.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM document_label WHERE labelled_at > :since").param("since", since)
                        .query(Integer.class).single();
    }

    /** The newest {@code max} labelled documents on the training side or on the held-out side. */
    List<Labelled> labelled(boolean heldOut, int heldOutPercent, int max) {
        return jdbc.sql("SELECT l.document_id, l.document_type " + LATEST_LABELS + "ORDER BY l.id DESC")
                .query((rs, row) -> new Labelled(rs.getString(1), DocumentType.valueOf(rs.getString(2))))
                .stream()
                .filter(l -> isHeldOut(l.documentId(), heldOutPercent) == heldOut)
                .limit(max)
                .toList();
    }

    List<Example> withText(List<Labelled> labelled) {
        return labelled.stream().map(l -> new Example(text(l.documentId()), l.type())).toList();
    }

    private String text(String documentId) {
        String text = jdbc.sql("SELECT text FROM document_content WHERE document_id = :id").param("id", documentId)
                .query(String.class).optional().orElse("");
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    /** Deterministic: the first four bytes of SHA-256(document id), as a number, modulo 100. */
    static boolean isHeldOut(String documentId, int percent) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
            long bucket = (((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL)) % 100;
            return bucket < percent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
