package org.kontor.document.digitise;

import java.util.List;

/**
 * A rectangle of a page read again on its own with {@code segmentation}; its words carry page coordinates, and line
 * numbers of their own (from 0 within the region). {@code digits}: read with only digits and number separators
 * allowed (a column of numbers), so its words are a second reading of numbers only, never of a whole row.
 */
public record OcrRegion(int x, int y, int w, int h, Segmentation segmentation, List<OcrWord> words, boolean digits) {

    public OcrRegion {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public OcrRegion(int x, int y, int w, int h, Segmentation segmentation, List<OcrWord> words) {
        this(x, y, w, h, segmentation, words, false);
    }

    /** Whether the centre of a word lies inside this region. */
    public boolean contains(OcrWord word) {
        int cx = word.x() + word.w() / 2;
        int cy = word.y() + word.h() / 2;
        return cx >= x && cx < x + w && cy >= y && cy < y + h;
    }

    /** The words of this reading grouped by text line, in reading order; each line's words from left to right. */
    public List<List<OcrWord>> lines() {
        return OcrPage.lines(words);
    }
}
