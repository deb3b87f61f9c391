package org.kontor.document.digitise;

import java.util.List;

/**
 * One character of a word as Tesseract's line model read it: the character, its confidence (0..100) and the
 * characters it weighed at that place, the chosen one among them. A word's confidence is as low as its least sure
 * character, and an identifier's least sure character is often one whose alternatives make no difference to it (the
 * O of a "PO" prefix that might be a zero); the alternatives let extraction tell that from real doubt.
 */
public record OcrGlyph(String text, float confidence, List<Choice> choices) {

    public OcrGlyph {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A character the model weighed at this place, with its confidence (0..100). */
    public record Choice(String text, float confidence) {
    }
}
