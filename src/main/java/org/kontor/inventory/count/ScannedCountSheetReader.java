package org.kontor.inventory.count;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrWord;

/**
 * Reads a scanned (OCR'd) or text-layer count sheet from its word boxes: finds the table by its column headers
 * (SKU and counted quantity, optionally bin, description, book quantity and variance; any order, any of the
 * usual wordings, upper case, pipe-ruled), then reads the rows under it until the table ends. Each line gets a
 * confidence from the OCR confidences of its SKU and quantity and from what the row itself proves: a printed book
 * quantity and variance that add up to the counted one confirm it. Nothing here is fatal: a blank or
 * unreadable quantity is a line without quantity, for the count's problems.
 *
 * <p>Plain Java on {@link OcrPage}s, like the purchase-order extractor it borrows its ideas from.
 */
final class ScannedCountSheetReader {

    enum Column { SKU, DESCRIPTION, COUNTED, BOOK, VARIANCE, BIN, OTHER }

    /** One table row as read. {@code quantity} is null when the cell was blank ({@code blank}) or unreadable. */
    record Line(int row, String sku, String description, String bin, Integer quantity, String quantityText,
            boolean blank, double confidence) {
    }

    /** The lines of every table found; {@code tableFound} false when no page had count-sheet column headers. */
    record Reading(boolean tableFound, List<Line> lines) {
        long readable() {
            return lines.stream().filter(l -> l.quantity() != null && l.sku() != null).count();
        }
    }

    /** Column wordings, normalised (lower case, letters, digits and +/- only), longest first per column. */
    private static final Map<Column, List<String>> LABELS = new EnumMap<>(Map.of(
            Column.SKU, List.of("item number", "item no", "item code", "article number", "article no", "art no",
                    "product code", "stock code", "part number", "part no", "sku", "code", "ref"),
            Column.COUNTED, List.of("counted quantity", "counted qty", "qty counted", "physical qty", "physical count",
                    "counted", "count", "actual", "found", "quantity", "qty"),
            Column.BOOK, List.of("system qty", "book qty", "ledger qty", "system quantity", "book quantity", "on hand",
                    "expected", "recorded", "system", "book"),
            Column.VARIANCE, List.of("variance", "difference", "discrepancy", "diff", "+/-"),
            Column.BIN, List.of("bin location", "location", "position", "shelf", "slot", "bin"),
            Column.DESCRIPTION, List.of("description", "particulars", "product", "article", "goods", "item")));

    private record Word(String text, double confidence, int x, int y, int w, int h) {
        int right() {
            return x + w;
        }
    }

    private record Row(int index, List<Word> words, int top, int bottom, int height) {
    }

    private record HeaderColumn(Column column, int x) {
    }

    /** The columns of a table; {@code piped}: ruled with pipes, so lone | I l ! in its rows are rulings. */
    private record Header(List<HeaderColumn> columns, boolean piped) {
    }

    private ScannedCountSheetReader() {
    }

    static Reading read(List<OcrPage> pages) {
        List<Line> lines = new ArrayList<>();
        boolean found = false;
        int rowOffset = 0;
        for (OcrPage page : pages) {
            List<Row> rows = rows(page, rowOffset);
            rowOffset += rows.size();
            for (int r = 0; r < rows.size(); r++) {
                Header header = header(rows.get(r));
                if (header != null) {
                    found = true;
                    r = readTable(rows, r, header, lines);
                }
            }
        }
        return new Reading(found, List.copyOf(lines));
    }

    // ------------------------------------------------------------------------------------------ page to rows

    /** Tesseract's lines merged into printed rows by vertical overlap (a wide table comes back as several blocks). */
    private static List<Row> rows(OcrPage page, int offset) {
        List<Row> rows = new ArrayList<>();
        for (List<OcrWord> printed : page.printedRows()) {
            List<Word> words = printed.stream()
                    .map(w -> new Word(w.text().strip(), w.confidence(), w.x(), w.y(), w.w(), w.h())).toList();
            int top = words.stream().mapToInt(Word::y).min().orElse(0);
            int bottom = words.stream().mapToInt(w -> w.y() + w.h()).max().orElse(0);
            rows.add(new Row(offset + rows.size(), words, top, bottom, OcrPage.typicalHeight(printed)));
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------ header

    /** The columns of a header row, left to right; null unless the row names a SKU and a counted quantity column. */
    private static Header header(Row row) {
        List<Word> words = new ArrayList<>();
        boolean piped = false;
        for (Word w : row.words()) {
            piped |= isPipe(w.text()) || w.text().startsWith("|");
            // the rulings of a pipe table, read as | I l ! or brackets, are no columns
            if (!norm(w.text()).isEmpty() && !isPipe(w.text())) {
                words.addAll(unglue(w));
            }
        }
        List<HeaderColumn> columns = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            Column column = null;
            for (Map.Entry<Column, List<String>> e : LABELS.entrySet()) {
                for (String label : e.getValue()) {
                    int n = label.split(" ").length;
                    if (n > matched && i + n <= words.size() && matches(words.subList(i, i + n), label)) {
                        matched = n;
                        column = e.getKey();
                    }
                }
            }
            if (column == null) {
                columns.add(new HeaderColumn(Column.OTHER, words.get(i).x()));
                i++;
            } else {
                columns.add(new HeaderColumn(column, words.get(i).x()));
                i += matched;
            }
        }
        // "Item" is a description beside a SKU column and the SKU column where it is the only one
        if (columns.stream().noneMatch(c -> c.column() == Column.SKU)) {
            columns.replaceAll(c -> c.column() == Column.DESCRIPTION && words.stream().anyMatch(w -> w.x() == c.x()
                    && norm(w.text()).equals("item")) ? new HeaderColumn(Column.SKU, c.x()) : c);
        }
        long known = columns.stream().filter(c -> c.column() != Column.OTHER).count();
        boolean sku = columns.stream().filter(c -> c.column() == Column.SKU).count() == 1;
        boolean counted = columns.stream().filter(c -> c.column() == Column.COUNTED).count() == 1;
        // a header is mostly labels: a sentence mentioning "count" and "code" is not one
        return sku && counted && known * 2 > columns.size() ? new Header(columns, piped) : null;
    }

    private static boolean isPipe(String text) {
        return text.matches("[|Il!\\[\\]]");
    }

    private static final java.util.Set<String> LABEL_WORDS = LABELS.values().stream().flatMap(List::stream)
            .flatMap(l -> java.util.Arrays.stream(l.split(" "))).collect(java.util.stream.Collectors.toSet());

    /**
     * Labels of narrow columns run together on the scan ("QtyArt."): a word that is no label word but two of them
     * glued is cut in two, each part given its share of the box.
     */
    private static List<Word> unglue(Word w) {
        String n = norm(w.text());
        if (LABEL_WORDS.contains(n)) {
            return List.of(w);
        }
        for (int cut = 2; cut <= n.length() - 2; cut++) {
            if (LABEL_WORDS.contains(n.substring(0, cut)) && LABEL_WORDS.contains(n.substring(cut))) {
                int firstWidth = w.w() * cut / n.length();
                return List.of(new Word(n.substring(0, cut), w.confidence(), w.x(), w.y(), firstWidth, w.h()),
                        new Word(n.substring(cut), w.confidence(), w.x() + firstWidth, w.y(), w.w() - firstWidth, w.h()));
            }
        }
        return List.of(w);
    }

    private static boolean matches(List<Word> words, String label) {
        String[] parts = label.split(" ");
        for (int k = 0; k < parts.length; k++) {
            String w = norm(words.get(k).text());
            // one letter misread ("Codd") in a word of four letters or more, the first one right
            if (!w.equals(parts[k]) && !(parts[k].length() >= 4 && !w.isEmpty() && w.charAt(0) == parts[k].charAt(0)
                    && editDistanceAtMostOne(w, parts[k]))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, letters, digits and the characters of "+/-"; a pipe ruling the table is no part of a word. */
    static String norm(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+/-]", "");
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    // ------------------------------------------------------------------------------------------ rows

    /** Reads the rows under the header into {@code out}; returns the index of the last row of the table. */
    private static int readTable(List<Row> rows, int headerIndex, Header header, List<Line> out) {
        Row head = rows.get(headerIndex);
        int charWidth = Math.max(4, head.height() / 2);
        int lastBottom = head.bottom();
        int read = 0;
        int skipped = 0;
        int r = headerIndex + 1;
        for (; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.top() - lastBottom > 5 * Math.max(head.height(), row.height())) {
                break;
            }
            if (isRule(row)) {
                lastBottom = row.bottom();
                continue;
            }
            if (header(row) != null) {
                // the next table (or the header repeated on a continuation)
                r--;
                break;
            }
            Map<Column, List<Word>> cells = cells(row, header, charWidth);
            String sku = sku(cells.get(Column.SKU));
            if (sku == null || cells.get(Column.COUNTED) == null && cells.size() <= 1) {
                // notes under the table ("Counted by: ...") end it; a stray line before the first row does not
                if (read > 0 || ++skipped > 2) {
                    break;
                }
                continue;
            }
            out.add(line(row.index() + 1, sku, cells));
            read++;
            lastBottom = row.bottom();
        }
        return r;
    }

    private static boolean isRule(Row row) {
        return row.words().stream().allMatch(w -> w.text().matches("[-=_~*|.:+]+"))
                && row.words().stream().mapToInt(w -> w.text().length()).sum() >= 8;
    }

    /**
     * Words go to the column whose header starts at or left of them (cells are printed left-aligned under their
     * header), with half a character of slack for the scan.
     */
    private static Map<Column, List<Word>> cells(Row row, Header table, int charWidth) {
        List<HeaderColumn> header = table.columns();
        Map<Column, List<Word>> cells = new EnumMap<>(Column.class);
        for (Word w : row.words()) {
            if (!w.text().matches(".*[\\p{L}\\p{N}_].*") || table.piped() && isPipe(w.text())) {
                // pipes ruling the table, scanner specks read as punctuation
                continue;
            }
            HeaderColumn owner = null;
            for (HeaderColumn c : header) {
                if (c.x() <= w.x() + charWidth && (owner == null || c.x() > owner.x())) {
                    owner = c;
                }
            }
            if (owner == null) {
                owner = header.get(0);
            }
            if (owner.column() != Column.OTHER) {
                cells.computeIfAbsent(owner.column(), k -> new ArrayList<>()).add(w);
            }
        }
        return cells;
    }

    private static String sku(List<Word> words) {
        if (words == null) {
            return null;
        }
        String text = join(words).toUpperCase(Locale.ROOT).replaceAll("^[^A-Z0-9]+|[^A-Z0-9]+$", "");
        return text.length() < 2 || !text.matches(".*\\d.*") ? null : text;
    }

    private static String join(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            String t = w.text().replaceAll("^\\|+|\\|+$", "");
            if (!t.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    private static Line line(int rowNo, String sku, Map<Column, List<Word>> cells) {
        List<Word> qtyWords = cells.get(Column.COUNTED);
        String qtyText = qtyWords == null ? "" : join(qtyWords);
        String description = cells.containsKey(Column.DESCRIPTION) ? join(cells.get(Column.DESCRIPTION)) : null;
        String bin = cells.containsKey(Column.BIN) ? join(cells.get(Column.BIN)).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "") : null;
        if (qtyText.isEmpty() || qtyText.matches("[_.\\-\\s]+")) {
            return new Line(rowNo, sku, description, emptyToNull(bin), null, qtyText, true, 0);
        }
        Number quantity = number(qtyText);
        if (quantity == null || quantity.value < 0) {
            return new Line(rowNo, sku, description, emptyToNull(bin), null, qtyText, false, 0);
        }
        double confidence = ocr(Math.min(minConfidence(cells.get(Column.SKU)), minConfidence(qtyWords)));
        if (quantity.repaired) {
            confidence *= 0.8;
        }
        if (cells.get(Column.SKU).size() > 1) {
            confidence *= 0.95;
        }
        // a printed book quantity and variance that add up to the counted quantity prove it
        Number book = cells.containsKey(Column.BOOK) ? number(join(cells.get(Column.BOOK))) : null;
        Number variance = cells.containsKey(Column.VARIANCE) ? number(join(cells.get(Column.VARIANCE))) : null;
        if (book != null && variance != null && !book.repaired && !variance.repaired) {
            confidence = book.value + variance.value == quantity.value ? Math.max(confidence, 0.97) : confidence * 0.6;
        }
        return new Line(rowNo, sku, description, emptyToNull(bin), quantity.value, qtyText, false, confidence);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static double minConfidence(List<Word> words) {
        return words.stream().mapToDouble(Word::confidence).min().orElse(0);
    }

    /**
     * Factor for the least confident word of a value (Tesseract 0..100; text-layer words have 100), the steps
     * the purchase-order extractor was tuned with.
     */
    private static double ocr(double min) {
        return min >= 88 ? 1.0 : min >= 78 ? 0.96 : min >= 70 ? 0.9 : min >= 55 ? 0.72 : 0.45;
    }

    private record Number(int value, boolean repaired) {
    }

    /**
     * A whole number as printed: signed, with thousands grouped by comma, point or space; letters OCR reads for
     * digits (O, I, l, S, B) are taken for them, and say so.
     */
    private static Number number(String text) {
        String t = text.replace(" ", "").replaceAll("^\\|+|\\|+$", "");
        String digits = t.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1').replace('|', '1')
                .replace('S', '5').replace('B', '8');
        boolean repaired = !digits.equals(t);
        if (digits.matches("[+-]?\\d{1,3}([,.]\\d{3})+")) {
            digits = digits.replaceAll("[,.]", "");
        }
        if (!digits.matches("[+-]?\\d{1,9}")) {
            return null;
        }
        return new Number(Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits), repaired);
    }
}
