package org.kontor.document.extract;

/**
 * One value read from a document.
 *
 * @param value      the parsed value; null when the field was not found or could not be parsed
 * @param confidence 0..1, how sure the extractor is that {@code value} is what the document says (for a null
 *                   value: that the document really does not state the field)
 * @param raw        the text the value was read from, as OCR returned it; null when nothing was found
 */
public record ExtractedField<T>(T value, double confidence, String raw) {

    public ExtractedField {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    public static <T> ExtractedField<T> missing(double confidence) {
        return new ExtractedField<>(null, confidence, null);
    }

    public boolean present() {
        return value != null;
    }

    /** The same value with its confidence capped (a cross-check failed) or raised (one succeeded). */
    ExtractedField<T> withConfidence(double newConfidence) {
        return new ExtractedField<>(value, Math.max(0, Math.min(1, newConfidence)), raw);
    }
}
