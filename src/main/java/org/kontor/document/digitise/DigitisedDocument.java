package org.kontor.document.digitise;

import java.util.List;

/**
 * A PDF or image turned into text. {@code text} is the pages' text joined by form feeds; {@code meanConfidence}
 * (0..100) averages the pages weighted by their word count, and is 100 for a text layer.
 */
public record DigitisedDocument(List<OcrPage> pages, String text, Source source, double meanConfidence) {

    /** Where the text came from; a text layer is exact, OCR is a reading with confidences. */
    public enum Source {
        TEXT_LAYER,
        OCR
    }

    public DigitisedDocument {
        pages = List.copyOf(pages);
    }

    static DigitisedDocument of(List<OcrPage> pages, Source source) {
        StringBuilder text = new StringBuilder();
        long words = 0;
        double weighted = 0;
        for (OcrPage page : pages) {
            if (!text.isEmpty()) {
                text.append('\f');
            }
            text.append(page.text());
            int n = Math.max(1, page.words().size());
            words += n;
            weighted += page.meanConfidence() * n;
        }
        double mean = words == 0 ? 0 : weighted / words;
        return new DigitisedDocument(pages, text.toString(), source, mean);
    }
}
