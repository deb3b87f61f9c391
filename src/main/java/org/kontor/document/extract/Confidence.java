package org.kontor.document.extract;

import java.util.Collection;
import java.util.function.UnaryOperator;
import org.kontor.document.digitise.OcrGlyph;

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

    /**
     * The word confidence two readings of one value that came back the same stand for. The second reading is the value
     * alone, cut out and read as one line: another context for Tesseract's line model, so two readings that agree, the
     * surer at least moderately sure and neither next to nothing, are as good as one confident reading; otherwise as
     * sure as the surer of them. On 300 development purchase orders, 1 of 27 PO numbers whose two readings agreed below
     * a confident score was wrong, "POQ664066" at 32 and 58 (see the Q rule of the identifier).
     */
    static double agreeing(double pageReading, double valueReading) {
        double surer = Math.max(pageReading, valueReading);
        if (surer >= AGREEMENT_FLOOR && Math.min(pageReading, valueReading) >= NOISE_AGREEING) {
            return Math.max(88, surer);
        }
        return surer;
    }

    /**
     * Whether a second reading that disagrees with the page's should make the value doubtful: not when the page read it
     * confidently and Tesseract itself gives the second reading next to nothing ("POQ643895." at 6 beside "PO643895"
     * at 91); a page reading below that confidence stays doubtful whatever the second reading scored.
     */
    static boolean disagreementCounts(double pageReading, double valueReading) {
        return pageReading < 88 || valueReading >= NOISE;
    }

    /** The surer of two agreeing readings at least this sure: agreement is confirmation. */
    private static final double AGREEMENT_FLOOR = 60;
    /** An agreeing reading below this says too little to confirm anything. */
    private static final double NOISE_AGREEING = 30;
    /** A reading Tesseract rates below this is noise, not evidence against a confident one. */
    private static final double NOISE = 20;

    static double min(Collection<Layout.Word> words) {
        return words.stream().mapToDouble(Layout.Word::confidence).min().orElse(0);
    }

    /**
     * The least confident word of a value, leaving out specks beside it ("9 Feb 2026 |"): a rule or a speck read as
     * "|" or ":" is not part of the value, and its low confidence says nothing about the value's characters.
     */
    static double minOfValue(Collection<Layout.Word> words) {
        return words.stream().filter(Layout.Word::hasText).mapToDouble(Layout.Word::confidence)
                .min().orElse(min(words));
    }

    /**
     * How sure OCR is of {@code value}, a part of one word, by its characters (0..100): each character's confidence
     * over the strongest alternative the line model weighed there that would change what the value means, the least of
     * them. Tesseract scores a word as low as it likes, 44 for "WH-4002" whose every character it read at 99 with no
     * alternative at all; the characters say where the doubt is, and whether it matters. -1 when the word kept no
     * characters, they do not spell it, or the value is not in it.
     *
     * @param meaning what a reading of the value stands for: two readings that mean the same are no rivals
     */
    static double characters(Layout.Word word, String value, UnaryOperator<String> meaning) {
        if (word.glyphs().isEmpty() || value.isEmpty()) {
            return -1;
        }
        StringBuilder spelled = new StringBuilder();
        word.glyphs().forEach(g -> spelled.append(g.text()));
        int at = word.text().indexOf(value);
        if (!spelled.toString().equals(word.text()) || at < 0) {
            return -1;
        }
        String meant = meaning.apply(value);
        double least = 100;
        int end = 0;
        for (OcrGlyph g : word.glyphs()) {
            int start = end;
            end += g.text().length();
            if (start < at || end > at + value.length()) {
                continue;
            }
            double chosen = g.confidence();
            double rival = 0;
            for (OcrGlyph.Choice choice : g.choices()) {
                if (choice.text().equals(g.text())) {
                    chosen = choice.confidence();
                } else if (!meaning.apply(value.substring(0, start - at) + choice.text() + value.substring(end - at))
                        .equals(meant)) {
                    rival = Math.max(rival, choice.confidence());
                }
            }
            least = Math.min(least, chosen - rival);
        }
        return least;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
