package org.kontor.document.extract;

import java.util.Collection;

/** How OCR word confidences (0..100) turn into field confidence factors; tuned on the development families. */
final class Confidence {

    private Confidence() {
    }

    /** Factor for a value whose least confident word has the given OCR confidence. */
    static double ocr(double minWordConfidence) {
        double c = minWordConfidence;
        if (c >= 88) {
            return 1.0;
        }
        if (c >= 78) {
            return 0.96;
        }
        if (c >= 70) {
            return 0.9;
        }
        if (c >= 55) {
            return 0.72;
        }
        return 0.45;
    }

    static double min(Collection<Layout.Word> words) {
        return words.stream().mapToDouble(Layout.Word::confidence).min().orElse(0);
    }

    /**
     * The least confident word of a value, leaving out specks beside it ("9 Feb 2026 |"): a rule or a speck read as
     * "|" or ":" is not part of the value, and its low confidence says nothing about the value's characters.
     */
    static double minOfValue(Collection<Layout.Word> words) {
        return words.stream().filter(w -> w.text().matches(".*[\\p{L}\\p{N}].*")).mapToDouble(Layout.Word::confidence)
                .min().orElse(min(words));
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
