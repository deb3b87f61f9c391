package org.kontor.document.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Turns a generated document into text that looks like OCR output: character confusions (O/0, I/1/l, S/5,
 * B/8, rn/m, ...), dropped and merged spaces, dropped characters and lines, and two-column blocks read column
 * by column instead of row by row. Stands in for render + OCR until the real OCR runs in the training loop.
 * Deterministic: the noise is seeded from the document's seed and this simulator's salt.
 */
public final class OcrNoiseSimulator implements Function<GeneratedDocument, String> {

    private static final String[][] CONFUSIONS = {
        {"O", "0"}, {"0", "O"}, {"o", "0"}, {"I", "1"}, {"I", "l"}, {"l", "1"}, {"l", "I"}, {"1", "l"}, {"i", "l"},
        {"S", "5"}, {"5", "S"}, {"s", "5"}, {"B", "8"}, {"8", "B"}, {"rn", "m"}, {"m", "rn"}, {"e", "c"}, {"c", "e"},
        {"a", "o"}, {"h", "b"}, {"u", "v"}, {"g", "q"}, {"Z", "2"}, {"2", "Z"}, {"t", "f"}, {"n", "ri"}, {"d", "cl"},
        {".", ","}, {",", "."}, {"E", "F"}, {"G", "6"}, {"6", "b"}, {"vv", "w"}, {"w", "vv"}};

    private final double level;
    private final long salt;

    /**
     * @param level 0 = clean text; 1 = a poor scan (several percent of characters wrong)
     * @param salt  varies the noise between passes over the same documents
     */
    public OcrNoiseSimulator(double level, long salt) {
        this.level = level;
        this.salt = salt;
    }

    @Override
    public String toString() {
        return "OcrNoiseSimulator(level " + level + ", salt " + salt + ")";
    }

    @Override
    public String apply(GeneratedDocument doc) {
        Random r = new Random(CorpusGenerator.mix(doc.seed(), salt, 0x0C7L));
        double docLevel = level * (0.3 + 1.4 * r.nextDouble());
        List<String> lines = readingOrder(doc, r);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (r.nextDouble() < 0.03 * docLevel) {
                continue;
            }
            out.append(corrupt(line, r, docLevel)).append('\n');
        }
        return out.toString();
    }

    private static List<String> readingOrder(GeneratedDocument doc, Random r) {
        boolean columnWise = r.nextDouble() < 0.5;
        boolean collapseSpaces = r.nextDouble() < 0.5;
        List<String> out = new ArrayList<>();
        List<String> pendingRight = new ArrayList<>();
        for (TextLine line : doc.lines()) {
            boolean twoColumn = line.style() != LineStyle.TITLE && line.cells().size() == 2
                    && line.cells().get(1).x() >= 0.5 && line.cells().get(0).x() < 0.05;
            if (columnWise && twoColumn) {
                out.add(line.cells().get(0).text());
                pendingRight.add(line.cells().get(1).text());
                continue;
            }
            out.addAll(pendingRight);
            pendingRight.clear();
            String text = line.plain(GeneratedDocument.TEXT_WIDTH).stripTrailing();
            out.add(collapseSpaces ? text.strip().replaceAll(" {2,}", " ") : text);
        }
        out.addAll(pendingRight);
        return out;
    }

    private static String corrupt(String line, Random r, double level) {
        StringBuilder sb = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            double p = r.nextDouble();
            if (c == ' ') {
                if (p < 0.04 * level) {
                    i++;
                    continue;
                }
                sb.append(c);
                i++;
                continue;
            }
            if (p < 0.05 * level) {
                String[] swap = confusion(line, i, r);
                if (swap != null) {
                    sb.append(swap[1]);
                    i += swap[0].length();
                    continue;
                }
            } else if (p < 0.065 * level) {
                i++;
                continue;
            } else if (p < 0.075 * level) {
                sb.append(c).append(' ');
                i++;
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String[] confusion(String line, int at, Random r) {
        int start = r.nextInt(CONFUSIONS.length);
        for (int k = 0; k < CONFUSIONS.length; k++) {
            String[] pair = CONFUSIONS[(start + k) % CONFUSIONS.length];
            if (line.startsWith(pair[0], at)) {
                return pair;
            }
        }
        return null;
    }
}
