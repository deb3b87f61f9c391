package org.kontor.document.digitise;

/**
 * One recognised word with its box in page pixels (origin top left). {@code line} and {@code block} number
 * the text lines and blocks of the page from 0, so extraction can rebuild lines and table rows.
 * {@code confidence} is 0..100; words from a PDF text layer have 100.
 */
public record OcrWord(String text, float confidence, int x, int y, int w, int h, int line, int block) {
}
