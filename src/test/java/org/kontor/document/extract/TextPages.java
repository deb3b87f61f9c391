package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.List;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.digitise.Segmentation;

/**
 * OCR results written by hand, for testing the extraction logic without rendering: each string is a printed line
 * in a monospaced grid (one character 25 px wide, lines 60 px apart), so spaces position the words as on a page.
 */
final class TextPages {

    static final int CHAR = 25;

    private TextPages() {
    }

    /** The lines of a purchase order: a header of five lines (title, PO number, customer, date, blank), then these. */
    static String[] order(String... table) {
        List<String> all = new ArrayList<>(List.of("PURCHASE ORDER", "PO Number:    PO-2025-0077", "Customer No.: C-10002",
                "Order Date:   2025-03-15", ""));
        all.addAll(List.of(table));
        return all.toArray(String[]::new);
    }

    /** The first page, with the lines from {@code fromLine} on of the second page as the reread of that region. */
    static OcrPage withTableReadAgain(OcrPage first, OcrPage again, int fromLine) {
        int top = 100 + fromLine * 60 - 10;
        List<OcrWord> words = new ArrayList<>();
        for (OcrWord w : again.words()) {
            if (w.line() >= fromLine) {
                words.add(new OcrWord(w.text(), w.confidence(), w.x(), w.y(), w.w(), w.h(), w.line() - fromLine, 0));
            }
        }
        OcrRegion region = new OcrRegion(0, top, first.width(), first.height() - top, Segmentation.BLOCK, words);
        return first.withRereads(List.of(region));
    }

    static OcrPage page(String... lines) {
        return page(95f, lines);
    }

    static OcrPage page(float confidence, String... lines) {
        List<OcrWord> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            int i = 0;
            while (i < line.length()) {
                if (line.charAt(i) == ' ') {
                    i++;
                    continue;
                }
                int end = i;
                while (end < line.length() && line.charAt(end) != ' ') {
                    end++;
                }
                words.add(new OcrWord(line.substring(i, end), confidence, 100 + i * CHAR, 100 + l * 60,
                        (end - i) * CHAR, 40, l, 0));
                i = end;
            }
            text.append(line).append('\n');
        }
        return new OcrPage(2480, 3508, text.toString(), words, confidence);
    }
}
