package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.document.digitise.OcrGlyph;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrWord;

/**
 * The words of all pages as visual rows. Tesseract numbers lines per block, and a two-column header comes back
 * as two blocks whose lines share a height on the page; extraction needs the row as printed, so lines are merged
 * by vertical overlap and pages stacked one under the other.
 */
final class Layout {

    /** A word with its box in stacked-page coordinates, and its characters as OCR weighed them (often none). */
    record Word(String text, double confidence, int x, int y, int w, int h, List<OcrGlyph> glyphs) {
        Word(String text, double confidence, int x, int y, int w, int h) {
            this(text, confidence, x, y, w, h, List.of());
        }

        int right() {
            return x + w;
        }

        /** Whether the word holds a letter or digit; one that does not is a speck, a rule or punctuation ("|", ":"). */
        boolean hasText() {
            return OcrWord.hasText(text);
        }
    }

    /** One printed row, words left to right. {@code height} is a typical text height of the row. */
    record Row(int index, List<Word> words, int top, int bottom, int height) {
        List<String> texts() {
            return words.stream().map(Word::text).toList();
        }

        String text(int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(words.get(i).text());
            }
            return sb.toString();
        }

        /** The gap that separates columns rather than words: about one and a half text heights. */
        int columnGap() {
            return Math.max(12, (int) (height * 1.5));
        }

        /** Whether word {@code i} starts a group: first in the row or after a column-sized gap. */
        boolean startsSegment(int i) {
            return i == 0 || words.get(i).x() - words.get(i - 1).right() > columnGap();
        }

        /** The index after the last word of the group starting at {@code from}. */
        int segmentEnd(int from) {
            int end = from + 1;
            while (end < words.size() && words.get(end).x() - words.get(end - 1).right() <= columnGap()) {
                end++;
            }
            return end;
        }
    }

    final List<Row> rows;
    final int pageWidth;
    final double meanConfidence;
    /** Words of number columns read again with digits only ({@link OcrRegion#digits()}), stacked like the rows. */
    final List<Word> numberReadings;
    /** Header values read again one by one ({@link OcrRegion.Kind#FIELD}), stacked like the rows. */
    final List<FieldReading> fieldReadings;

    /** One header value read again on its own: where, and the words that came back. */
    record FieldReading(int x, int y, int w, int h, List<Word> words) {
        boolean contains(Word word) {
            int cx = word.x() + word.w() / 2;
            int cy = word.y() + word.h() / 2;
            return cx >= x && cx < x + w && cy >= y && cy < y + h;
        }
    }

    private Layout(List<Row> rows, int pageWidth, double meanConfidence, List<Word> numberReadings,
            List<FieldReading> fieldReadings) {
        this.rows = rows;
        this.pageWidth = pageWidth;
        this.meanConfidence = meanConfidence;
        this.numberReadings = numberReadings;
        this.fieldReadings = fieldReadings;
    }

    /** The second reading of a value whose (non-speck) words all lie in one region read again; null when none. */
    List<Word> readAgain(List<Word> value) {
        List<Word> words = HeaderValueRegion.valueWords(value);
        if (words.isEmpty()) {
            return null;
        }
        for (FieldReading f : fieldReadings) {
            if (words.stream().allMatch(f::contains)) {
                return f.words();
            }
        }
        return null;
    }

    /** A label and its value read as one word: "No.:.-ORD-89555", "Date:02/09/2026". */
    private static final Pattern GLUED = Pattern.compile("([\\p{L}#][\\p{L}.#]*:)[.:\\-–]*([\\p{L}\\p{N}].*\\d.*)");

    /**
     * A word that is a label glued to its value split in two, each with its share of the box by the widths of its
     * characters, so the label is found and the value read (and read again) on its own; any other word as it is.
     */
    static List<Word> unglued(Word w) {
        Matcher m = GLUED.matcher(w.text());
        if (!m.matches()) {
            return List.of(w);
        }
        String text = w.text();
        double all = width(text);
        int labelWidth = (int) Math.round(w.w() * width(text.substring(0, m.end(1))) / all);
        int valueX = w.x() + (int) Math.round(w.w() * width(text.substring(0, m.start(2))) / all);
        return List.of(new Word(m.group(1), w.confidence(), w.x(), w.y(), labelWidth, w.h()),
                new Word(m.group(2), w.confidence(), valueX, w.y(), w.right() - valueX, w.h()));
    }

    /** A rough printed width of text in character widths: punctuation and narrow letters count less. */
    private static double width(String text) {
        double sum = 0;
        for (char c : text.toCharArray()) {
            sum += ".,:;|'!-".indexOf(c) >= 0 ? 0.35 : "iljtfrI1".indexOf(c) >= 0 ? 0.6 : "mwMW".indexOf(c) >= 0 ? 1.4 : 1.0;
        }
        return Math.max(sum, 0.01);
    }

    static Layout of(List<OcrPage> pages) {
        List<Row> rows = new ArrayList<>();
        int offset = 0;
        int width = 1;
        double confSum = 0;
        int confCount = 0;
        List<Word> numbers = new ArrayList<>();
        List<FieldReading> fields = new ArrayList<>();
        for (OcrPage page : pages) {
            for (OcrRegion region : page.rereads()) {
                List<Word> again = new ArrayList<>();
                for (OcrWord w : region.words()) {
                    if (!w.text().isBlank()) {
                        again.add(new Word(w.text().strip(), w.confidence(), w.x(), w.y() + offset, w.w(), w.h(),
                                w.glyphs()));
                    }
                }
                again.sort((a, b) -> a.x() - b.x());
                if (region.digits()) {
                    numbers.addAll(again);
                } else if (region.kind() == OcrRegion.Kind.FIELD) {
                    fields.add(new FieldReading(region.x(), region.y() + offset, region.w(), region.h(), List.copyOf(again)));
                }
            }
            width = Math.max(width, page.width());
            for (List<OcrWord> printed : page.printedRows()) {
                List<Word> words = new ArrayList<>(printed.size());
                for (OcrWord w : printed) {
                    words.addAll(unglued(new Word(w.text().strip(), w.confidence(), w.x(), w.y() + offset, w.w(),
                            w.h(), w.glyphs())));
                    confSum += w.confidence();
                    confCount++;
                }
                int top = words.stream().mapToInt(Word::y).min().orElse(0);
                int bottom = words.stream().mapToInt(w -> w.y() + w.h()).max().orElse(0);
                rows.add(new Row(rows.size(), List.copyOf(words), top, bottom, OcrPage.typicalHeight(printed)));
            }
            offset += page.height() + 50;
        }
        return new Layout(List.copyOf(rows), width, confCount == 0 ? 0 : confSum / confCount, List.copyOf(numbers),
                List.copyOf(fields));
    }
}
