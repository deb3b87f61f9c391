package org.kontor.document.digitise;

import java.util.ArrayList;
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
