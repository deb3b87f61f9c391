package org.kontor.document.corpus;

import java.util.List;
import java.util.stream.Collectors;
import org.kontor.document.DocumentType;

/**
 * A synthetic, labelled document.
 *
 * @param id           stable id, unique within a corpus
 * @param type         the label
 * @param kind         finer kind, e.g. {@code quotation} or {@code credit-note} for {@link DocumentType#OTHER}
 * @param layoutFamily the template the page was laid out with; splits never share a family
 * @param wording      the title wording used; held-out wording never appears in training
 * @param split        the corpus part the document was generated for
 * @param seed         seed that reproduces this document (and its noise and rendering)
 * @param lines        the page, line by line
 */
public record GeneratedDocument(
        String id,
        DocumentType type,
        String kind,
        String layoutFamily,
        String wording,
        CorpusSplit split,
        long seed,
        List<TextLine> lines) {

    /** Character columns of the plain-text form. */
    public static final int TEXT_WIDTH = 96;

    public GeneratedDocument {
        lines = List.copyOf(lines);
    }

    /** The clean plain text, one line per printed line, columns padded with spaces. */
    public String text() {
        return lines.stream().map(l -> l.plain(TEXT_WIDTH).stripTrailing()).collect(Collectors.joining("\n"));
    }
}
