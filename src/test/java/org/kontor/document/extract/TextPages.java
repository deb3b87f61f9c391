package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.List;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrWord;

/**
 * OCR results written by hand, for testing the extraction logic without rendering: each string is a printed line
 * in a monospaced grid (one character 25 px wide, lines 60 px apart), so spaces position the words as on a page.
 */
final class TextPages {

    static final int CHAR = 25;

    private TextPages() {
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
