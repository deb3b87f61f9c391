package org.kontor.document.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns document text into a fixed-size vector: hashed word unigrams and bigrams, hashed OCR-folded words and
 * their character trigrams, and a few layout measures. Digits become a shape token ({@code #}) so numbers do
 * not flood the vocabulary. The folded channel maps characters OCR confuses (0/o, 1/l/i, 5/s, 8/b, rn/m, vv/w)
 * onto one form, so {@code lnvoice}, {@code 1nvoice} and {@code Invoice} land on the same features; trigrams
 * keep partly garbled words close to their clean form. The hash is fixed here (not {@code String.hashCode}
 * alone) because a shipped model depends on it: changing anything in this class needs a retrained model.
 */
public final class TextFeatures {

    public static final int HASH_BITS = 14;
    public static final int HASH_DIMENSION = 1 << HASH_BITS;
    public static final int LAYOUT_DIMENSION = 8;
    public static final int DIMENSION = HASH_DIMENSION + LAYOUT_DIMENSION;
    /** Type cues sit on the first pages; the rest of a long document only costs time. */
    public static final int MAX_CHARS = 20_000;

    private static final Pattern PRICE = Pattern.compile("\\d[.,]\\d{2}(?!\\d)");
    private static final Pattern WIDE_GAP = Pattern.compile("\\S {2,}\\S");

    public float[] vector(String text) {
        float[] out = new float[DIMENSION];
        vector(text, out, 0);
        return out;
    }

    /** Writes the features of {@code text} into {@code out[offset .. offset + DIMENSION)}, which must be zero. */
    public void vector(String text, float[] out, int offset) {
        String clipped = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> raw = rawTokens(clipped);
        String previous = null;
        for (String token : raw) {
            String shaped = shape(token);
            add(out, offset, "w:" + shaped);
            if (previous != null) {
                add(out, offset, "b:" + previous + ' ' + shaped);
            }
            previous = shaped;
            if (letters(token) >= 2) {
                String folded = fold(token);
                add(out, offset, "f:" + folded);
                String padded = '<' + folded + '>';
                for (int i = 0; i + 3 <= padded.length(); i++) {
                    add(out, offset, "c:" + padded.substring(i, i + 3));
                }
            }
        }
        header(clipped, out, offset);
        normalise(out, offset);
        layout(clipped, out, offset + HASH_DIMENSION);
    }

    private static void normalise(float[] out, int offset) {
        double norm = 0;
        for (int i = offset; i < offset + HASH_DIMENSION; i++) {
            if (out[i] != 0) {
                out[i] = (float) Math.log1p(out[i]);
                norm += out[i] * out[i];
            }
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = offset; i < offset + HASH_DIMENSION; i++) {
                out[i] *= inv;
            }
        }
    }

    /** Lines that count as the page header: where the title, the document number and the date sit. */
    static final int HEADER_LINES = 12;

    /**
     * Words of the header zone again, in their own namespace: "invoice" next to the number at the top of
     * the page says more than "invoice" in a column heading of a statement or a remittance advice.
     */
    private static void header(String text, float[] out, int offset) {
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < HEADER_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                lines++;
                for (String token : rawTokens(line)) {
                    if (letters(token) >= 2) {
                        add(out, offset, "h:" + fold(token));
                    }
                }
            }
            start = end + 1;
        }
    }

    /** Lower-cased runs of letters and digits: the words as the text has them. */
    static List<String> rawTokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(Character.toLowerCase(c));
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Normalised tokens: lower case, punctuation stripped, every run of digits replaced by {@code #}. */
    public static List<String> tokens(String text) {
        return rawTokens(text).stream().map(TextFeatures::shape).toList();
    }

    static String shape(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c)) {
                if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '#') {
                    sb.append('#');
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One spelling for the characters OCR mixes up. */
    static String fold(String token) {
        String s = token.replace("rn", "m").replace("vv", "w").replace("cl", "d");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(switch (c) {
                case '0' -> 'o';
                case '1', 'i', 'I', 'j', 't', 'f' -> 'l';
                case '5' -> 's';
                case '8' -> 'b';
                case '6' -> 'b';
                case '2' -> 'z';
                case 'c' -> 'e';
                case 'q' -> 'g';
                case 'h' -> 'b';
                case 'u' -> 'v';
                default -> Character.isDigit(c) ? '#' : c;
            });
        }
        return sb.toString();
    }

    private static int letters(String token) {
        int n = 0;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void add(float[] out, int offset, String feature) {
        out[offset + index(feature)] += 1;
    }

    /** FNV-1a over the UTF-16 units, finished with a MurmurHash3 mix. Stable across JVMs and versions. */
    static int index(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h & (HASH_DIMENSION - 1));
    }

    /**
     * Measures of the page's shape, each in 0..1: digit share, upper-case share, lines with prices, lines
     * with several numbers (tables), line count, lines with column gaps, line length, lines with a colon.
     */
    private static void layout(String text, float[] out, int at) {
        String[] lines = text.split("\n");
        int nonSpace = 0;
        int digits = 0;
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                nonSpace++;
            }
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        int nonEmpty = 0;
        int priced = 0;
        int numeric = 0;
        int gapped = 0;
        int colons = 0;
        long length = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            nonEmpty++;
            length += line.strip().length();
            if (PRICE.matcher(line).find()) {
                priced++;
            }
            int numbers = 0;
            for (String t : line.trim().split("\\s+")) {
                if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                    numbers++;
                }
            }
            if (numbers >= 3) {
                numeric++;
            }
            if (WIDE_GAP.matcher(line).results().count() >= 2) {
                gapped++;
            }
            if (line.indexOf(':') >= 0) {
                colons++;
            }
        }
        float lines01 = nonEmpty == 0 ? 1 : nonEmpty;
        out[at] = nonSpace == 0 ? 0 : digits / (float) nonSpace;
        out[at + 1] = letters == 0 ? 0 : upper / (float) letters;
        out[at + 2] = priced / lines01;
        out[at + 3] = numeric / lines01;
        out[at + 4] = (float) Math.min(1, Math.log1p(nonEmpty) / 5);
        out[at + 5] = gapped / lines01;
        out[at + 6] = (float) Math.min(1, length / lines01 / 100);
        out[at + 7] = colons / lines01;
    }

    static String describe() {
        return String.format(Locale.ROOT, "hashed words, bigrams, folded words, trigrams and header-zone words (2^%d)"
                + " + %d layout", HASH_BITS, LAYOUT_DIMENSION);
    }
}
