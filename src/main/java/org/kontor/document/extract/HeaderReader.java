package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kontor.document.extract.Labels.Concept;
import org.kontor.document.extract.Layout.Row;
import org.kontor.document.extract.Layout.Word;

/**
 * Finds labelled header fields outside the line table: the value right of its label on the same row, or in
 * the rows directly below it (labels above values, a row of labels over a row of values). Where labels stand side
 * by side, the next label's x position bounds the value, so a two-column header never lends one block's value to
 * the other.
 */
final class HeaderReader {

    /** A label on the page. */
    record Hit(Concept concept, Row row, int from, int to, double quality) {
        Word first() {
            return row.words().get(from);
        }

        Word last() {
            return row.words().get(to - 1);
        }
    }

    /** A value found for a label: its words, and how sure the geometry is that they belong to it. */
    record Value(Hit label, List<Word> words, double geometry, boolean below) {
        String text() {
            return LineTableReader.join(words);
        }
    }

    /** A word of one or two characters Tesseract rates below this between a label and its value is dirt. */
    private static final double NOISE_CONFIDENCE = 50;

    private final Layout layout;
    private final List<Hit> hits = new ArrayList<>();
    /** Words that are part of some label, so they are never read as a value. */
    private final Set<Word> labelWords = new HashSet<>();

    HeaderReader(Layout layout, int tableFrom, int tableTo) {
        this.layout = layout;
        for (Row row : layout.rows) {
            if (row.index() >= tableFrom && row.index() < tableTo) {
                continue;
            }
            List<Concept> concepts = new ArrayList<>(Labels.HEADER);
            concepts.addAll(Labels.TOTALS);
            for (Labels.Match m : Labels.find(row.texts(), concepts, new boolean[row.words().size()])) {
                boolean segmentStart = row.startsSegment(m.from()) || row.startsSegment(afterSpecks(row, m.from()));
                if (!segmentStart && !endsWithColon(row, m)) {
                    // "Please deliver to the address below" is a sentence, not a label
                    continue;
                }
                Hit hit = new Hit(m.concept(), row, m.from(), m.to(), m.quality() * (segmentStart ? 1 : 0.9));
                hits.add(hit);
                for (int i = m.from(); i < m.to(); i++) {
                    labelWords.add(row.words().get(i));
                }
            }
        }
    }

    /**
     * Where the group holding word {@code i} starts once scanner specks just before it ("_." "." read from dirt) are
     * counted as nothing: a label after a speck still starts its group.
     */
    private static int afterSpecks(Row row, int i) {
        int j = i;
        while (j > 0 && !row.words().get(j - 1).hasText()) {
            j--;
        }
        return j;
    }

    /**
     * Between a label and its value: a label's colon or hash, a rule or scanner dirt read as a word ("|", "~"), or a
     * speck Tesseract itself barely believes ("2" at 37 between "PO #" and "ORD-36820").
     */
    private static boolean isNoise(Word w) {
        return !w.hasText()
                || (w.text().length() <= 2 && w.confidence() < NOISE_CONFIDENCE);
    }

    private static boolean endsWithColon(Row row, Labels.Match m) {
        return row.words().get(m.to() - 1).text().endsWith(":");
    }

    List<Hit> hits(Concept concept) {
        return hits.stream().filter(h -> h.concept() == concept).toList();
    }

    /** Candidate values of a label: right of it, and below it. */
    List<Value> values(Hit hit) {
        List<Value> out = new ArrayList<>();
        Value right = right(hit);
        if (right != null) {
            out.add(right);
        }
        Value below = below(hit, 0);
        if (below != null) {
            out.add(below);
        }
        return out;
    }

    private Value right(Hit hit) {
        Row row = hit.row();
        List<Word> words = row.words();
        int i = hit.to();
        while (i < words.size() && isNoise(words.get(i))
                && (i + 1 == words.size() || !labelWords.contains(words.get(i + 1)))) {
            i++;
        }
        if (i >= words.size() || labelWords.contains(words.get(i))) {
            return null;
        }
        int gap = words.get(i).x() - hit.last().right();
        // totals sit far right of their label (the amount column); a header value sits close to it
        double maxGap = Labels.TOTALS.contains(hit.concept()) ? 0.75 : 0.28;
        if (gap > maxGap * layout.pageWidth) {
            return null;
        }
        List<Word> value = new ArrayList<>();
        value.add(words.get(i));
        for (int j = i + 1; j < words.size(); j++) {
            if (labelWords.contains(words.get(j)) || words.get(j).x() - words.get(j - 1).right() > row.columnGap()) {
                break;
            }
            value.add(words.get(j));
        }
        return new Value(hit, value, gap > 3 * row.columnGap() ? 0.95 : 1.0, false);
    }

    /**
     * The value in the row below the label ({@code skip} rows further down for blocks), aligned with it and cut at
     * the x where the next label of the label's row starts.
     */
    Value below(Hit hit, int skip) {
        Row labelRow = hit.row();
        int next = labelRow.index() + 1 + skip;
        if (next >= layout.rows.size()) {
            return null;
        }
        Row row = layout.rows.get(next);
        Row above = layout.rows.get(next - 1);
        // a blank line ends a block; lines of one block are closer than a text height
        if (row.top() - above.bottom() > 1.0 * Math.max(row.height(), above.height())) {
            return null;
        }
        int x0 = hit.first().x();
        int limit = nextLabelX(hit);
        int tolerance = Math.max(labelRow.height(), row.height()) * 2;
        List<Word> value = new ArrayList<>();
        for (int i = 0; i < row.words().size(); i++) {
            Word w = row.words().get(i);
            if (w.x() >= limit - row.height() / 2) {
                break;
            }
            if (value.isEmpty()) {
                boolean aligned = Math.abs(w.x() - x0) <= tolerance
                        || (w.x() <= hit.last().right() && w.right() >= x0);
                if (aligned && row.startsSegment(i)) {
                    if (labelWords.contains(w)) {
                        return null;
                    }
                    value.add(w);
                }
            } else {
                if (labelWords.contains(w) || w.x() - row.words().get(i - 1).right() > row.columnGap()) {
                    break;
                }
                value.add(w);
            }
        }
        return value.isEmpty() ? null : new Value(hit, value, 0.97, true);
    }

    /** Where the next label to the right of this one starts on its row, or the page width. */
    private int nextLabelX(Hit hit) {
        int limit = Integer.MAX_VALUE;
        for (Hit other : hits) {
            if (other.row() == hit.row() && other.from() >= hit.to()) {
                limit = Math.min(limit, other.first().x());
            }
        }
        return limit;
    }

    /**
     * The lines of an address block under (or beside) a label such as "Ship to:", each line as words, at most
     * {@code max} lines, stopping at a gap or another label.
     */
    List<List<Word>> block(Hit hit, int max) {
        List<List<Word>> lines = new ArrayList<>();
        Value right = right(hit);
        if (right != null) {
            lines.add(right.words());
        }
        for (int skip = 0; skip < max && lines.size() < max; skip++) {
            Value v = below(hit, skip);
            if (v == null || v.words().size() > 7 || v.text().endsWith(".")) {
                // a sentence under an address is a remark, not an address line
                break;
            }
            lines.add(v.words());
        }
        return lines;
    }

    /** Whether a word belongs to a label. */
    boolean isLabel(Word w) {
        return labelWords.contains(w);
    }
}
