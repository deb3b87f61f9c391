package org.kontor.document.digitise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of one page, with word boxes in the coordinates of the page raster ({@code width} x {@code height}
 * pixels; for a PDF text layer, pixels at 72 dpi). {@code meanConfidence} is 0..100. {@code rereads} are parts of
 * the page read a second time with another segmentation (a line table, see {@link OcrRegionFinder}); their words are
 * a second reading of the words of the page inside the region, which extraction may prefer. Pages stored before
 * rereads existed have none.
 */
public record OcrPage(int width, int height, String text, List<OcrWord> words, double meanConfidence,
        List<OcrRegion> rereads) {

    public OcrPage {
        words = List.copyOf(words);
        rereads = rereads == null ? List.of() : List.copyOf(rereads);
    }

    public OcrPage(int width, int height, String text, List<OcrWord> words, double meanConfidence) {
        this(width, height, text, words, meanConfidence, List.of());
    }

    public OcrPage withRereads(List<OcrRegion> regions) {
        return new OcrPage(width, height, text, words, meanConfidence, regions);
    }

    /** The words grouped by text line, in reading order; each line's words from left to right. */
    public List<List<OcrWord>> lines() {
        return lines(words);
    }

    /**
     * The printed rows of the page, top to bottom, each left to right, blank words left out: Tesseract's lines merged
     * by vertical overlap, because a wide table comes back as several blocks whose lines belong to the same row.
     */
    public List<List<OcrWord>> printedRows() {
        List<List<OcrWord>> lines = new ArrayList<>();
        for (List<OcrWord> line : lines()) {
            List<OcrWord> words = line.stream().filter(w -> w.text() != null && !w.text().isBlank()).toList();
            if (!words.isEmpty()) {
                lines.add(words);
            }
        }
        lines.sort(Comparator.comparingDouble(OcrPage::mid));
        List<List<OcrWord>> rows = new ArrayList<>();
        for (List<OcrWord> line : lines) {
            List<OcrWord> target = null;
            for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - 3; i--) {
                List<OcrWord> row = rows.get(i);
                if (Math.abs(mid(row) - mid(line)) < 0.45 * Math.max(typicalHeight(row), typicalHeight(line))) {
                    target = row;
                    break;
                }
            }
            if (target == null) {
                rows.add(new ArrayList<>(line));
            } else {
                target.addAll(line);
            }
        }
        List<List<OcrWord>> sorted = new ArrayList<>(rows.size());
        for (List<OcrWord> row : rows) {
            row.sort(Comparator.comparingInt(OcrWord::x));
            sorted.add(List.copyOf(row));
        }
        return sorted;
    }

    /**
     * The median height of the words that hold a letter or digit: punctuation and descenders make the extremes useless,
     * and a row of one word between two specks (a 2-pixel "e" and ":") would otherwise be two pixels high.
     */
    public static int typicalHeight(List<OcrWord> words) {
        int[] text = words.stream().filter(w -> w.h() > 3 && w.hasText())
                .mapToInt(OcrWord::h).sorted().toArray();
        int[] hs = text.length > 0 ? text : words.stream().mapToInt(OcrWord::h).sorted().toArray();
        return hs.length == 0 ? 0 : hs[hs.length / 2];
    }

    private static double mid(List<OcrWord> line) {
        return line.stream().mapToDouble(w -> w.y() + w.h() / 2.0).average().orElse(0);
    }

    static List<List<OcrWord>> lines(List<OcrWord> words) {
        Map<Integer, List<OcrWord>> byLine = new TreeMap<>();
        for (OcrWord word : words) {
            byLine.computeIfAbsent(word.line(), k -> new ArrayList<>()).add(word);
        }
        List<List<OcrWord>> lines = new ArrayList<>(byLine.size());
        for (List<OcrWord> line : byLine.values()) {
            line.sort((a, b) -> Integer.compare(a.x(), b.x()));
            lines.add(List.copyOf(line));
        }
        return lines;
    }
}
