package org.kontor.document.digitise;

import java.util.List;

/**
 * One recognised word with its box in page pixels (origin top left). {@code line} and {@code block} number
 * the text lines and blocks of the page from 0, so extraction can rebuild lines and table rows.
 * {@code confidence} is 0..100; words from a PDF text layer have 100. {@code glyphs} are the word's characters with
 * the alternatives OCR weighed, kept only for words that mix letters and digits (identifiers such as PO numbers and
 * SKUs); empty otherwise.
 */
public record OcrWord(String text, float confidence, int x, int y, int w, int h, int line, int block,
        List<OcrGlyph> glyphs) {

    public OcrWord {
        glyphs = glyphs == null ? List.of() : List.copyOf(glyphs);
    }

    public OcrWord(String text, float confidence, int x, int y, int w, int h, int line, int block) {
        this(text, confidence, x, y, w, h, line, block, List.of());
    }

    /** Whether the word holds a letter or digit; one that does not is a speck, a rule or punctuation ("|", ":"). */
    public boolean hasText() {
        return hasText(text);
    }

    /** Whether a text holds a letter or digit. */
    public static boolean hasText(String text) {
        return text.matches(".*[\\p{L}\\p{N}].*");
    }

    /** The same word moved on the page and renumbered, its characters kept. */
    public OcrWord moved(int dx, int dy, int newLine, int newBlock) {
        return new OcrWord(text, confidence, x + dx, y + dy, w, h, newLine, newBlock, glyphs);
    }
}
