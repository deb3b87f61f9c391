package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrWord;

/**
 * The words of all pages as visual rows. Tesseract numbers lines per block, and a two-column header comes back
 * as two blocks whose lines share a height on the page; extraction needs the row as printed, so lines are merged
 * by vertical overlap and pages stacked one under the other.
 */
final class Layout {

    /** A word with its box in stacked-page coordinates. */
    record Word(String text, double confidence, int x, int y, int w, int h) {
        int right() {
            return x + w;
        }

        double mid() {
            return y + h / 2.0;
        }
    }

    /** One printed row, words left to right. {@code height} is a typical text height of the row. */
    record Row(int index, List<Word> words, int top, int bottom, int height) {
        List<String> texts() {
            return words.stream().map(Word::text).toList();
        }

        double mid() {
            return (top + bottom) / 2.0;
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

    private Layout(List<Row> rows, int pageWidth, double meanConfidence) {
        this.rows = rows;
        this.pageWidth = pageWidth;
        this.meanConfidence = meanConfidence;
    }

    static Layout of(List<OcrPage> pages) {
        List<Row> rows = new ArrayList<>();
        int offset = 0;
        int width = 1;
        double confSum = 0;
        int confCount = 0;
        for (OcrPage page : pages) {
            width = Math.max(width, page.width());
            List<List<Word>> lines = new ArrayList<>();
            for (List<OcrWord> line : page.lines()) {
                List<Word> words = new ArrayList<>();
                for (OcrWord w : line) {
                    if (w.text() == null || w.text().isBlank()) {
                        continue;
                    }
                    words.add(new Word(w.text().strip(), w.confidence(), w.x(), w.y() + offset, w.w(), w.h()));
                    confSum += w.confidence();
                    confCount++;
                }
                if (!words.isEmpty()) {
                    lines.add(words);
                }
            }
            lines.sort(Comparator.comparingDouble(Layout::mid));
            List<List<Word>> merged = new ArrayList<>();
            for (List<Word> line : lines) {
                List<Word> target = null;
                for (int i = merged.size() - 1; i >= 0 && i >= merged.size() - 3; i--) {
                    if (sameRow(merged.get(i), line)) {
                        target = merged.get(i);
                        break;
                    }
                }
                if (target == null) {
                    merged.add(new ArrayList<>(line));
                } else {
                    target.addAll(line);
                }
            }
            for (List<Word> words : merged) {
                words.sort(Comparator.comparingInt(Word::x));
                int top = words.stream().mapToInt(Word::y).min().orElse(0);
                int bottom = words.stream().mapToInt(w -> w.y() + w.h()).max().orElse(0);
                rows.add(new Row(rows.size(), List.copyOf(words), top, bottom, typicalHeight(words)));
            }
            offset += page.height() + 50;
        }
        return new Layout(List.copyOf(rows), width, confCount == 0 ? 0 : confSum / confCount);
    }

    private static double mid(List<Word> line) {
        return line.stream().mapToDouble(Word::mid).average().orElse(0);
    }

    private static boolean sameRow(List<Word> a, List<Word> b) {
        double ha = typicalHeight(a);
        double hb = typicalHeight(b);
        return Math.abs(mid(a) - mid(b)) < 0.45 * Math.max(ha, hb);
    }

    /** The median word height: punctuation and descenders make the extremes useless. */
    private static int typicalHeight(List<Word> words) {
        int[] hs = words.stream().mapToInt(Word::h).sorted().toArray();
        return hs.length == 0 ? 0 : hs[hs.length / 2];
    }
}
