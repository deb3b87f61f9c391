package org.kontor.document.digitise;

import java.util.List;

/**
 * A rectangle of a page read again on its own with {@code segmentation}; its words carry page coordinates, and line
 * numbers of their own (from 0 within the region). {@code kind} says what was read (pages stored before kinds existed
 * hold tables only).
 */
public record OcrRegion(int x, int y, int w, int h, Segmentation segmentation, List<OcrWord> words, Kind kind) {

    /** What a region holds, and so how it is read and what its words are a second reading of. */
    public enum Kind {
        /** Rows of a table, read as one uniform block: a second reading of the whole rows. */
        TABLE,
        /** A column of numbers, read with only digits and number separators allowed: of the numbers only. */
        NUMBERS,
        /** One header value (a PO number), read as a single line on its own: of that value only. */
        FIELD
    }

    public OcrRegion {
        words = words == null ? List.of() : List.copyOf(words);
        kind = kind == null ? Kind.TABLE : kind;
    }

    public OcrRegion(int x, int y, int w, int h, Segmentation segmentation, List<OcrWord> words) {
        this(x, y, w, h, segmentation, words, Kind.TABLE);
    }

    /** Whether this is a reading of whole table rows, which may replace the page's reading of them. */
    public boolean table() {
        return kind == Kind.TABLE;
    }

    public boolean digits() {
        return kind == Kind.NUMBERS;
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
