package org.kontor.inventory.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.document.spreadsheet.Columns;
import org.kontor.document.spreadsheet.RowError;
import org.kontor.document.spreadsheet.RowValues;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableRow;
import org.kontor.document.spreadsheet.MissingColumnsException;

/**
 * Reads count sheets (streamed, row by row) and the count-stock form's text into one total per SKU.
 * Memory grows with the number of distinct SKU/bin pairs, never with the rows: a SKU counted in several bins
 * is added up; the same SKU and bin twice is reported and the later row counts (a correction written
 * under the first attempt). Unreadable rows are reported, never fatal.
 */
final class CountSheetReader {

    static final String SKU = "sku";
    static final String QUANTITY = "counted_quantity";
    static final String BIN = "bin";
    static final String[] SKU_NAMES = {"sku", "item", "article_no", "article_number", "article", "item_number"};
    static final String[] QUANTITY_NAMES = {"counted_quantity", "counted", "counted_qty", "qty", "quantity"};
    static final String[] BIN_NAMES = {"bin", "location"};
    static final int MAX_QUANTITY = 100_000_000;

    /** Total counted per SKU, in order of first appearance; problems capped at {@code maxProblems}. */
    static final class Sheet {
        final Map<String, SkuTotal> totals = new LinkedHashMap<>();
        final List<CountProblem> problems = new ArrayList<>();
        final int maxProblems;
        long rowsRead;
        long problemCount;

        Sheet(int maxProblems) {
            this.maxProblems = maxProblems;
        }

        void problem(CountProblem problem) {
            problemCount++;
            if (problems.size() < maxProblems) {
                problems.add(problem);
            }
        }

        void add(long row, String sku, String bin, int quantity) {
            add(row, sku, bin, quantity, 1.0);
        }

        /** {@code confidence}: how sure the reading of a scanned row is (0..1); the SKU keeps its least sure row. */
        void add(long row, String sku, String bin, int quantity, double confidence) {
            SkuTotal total = totals.computeIfAbsent(sku, s -> new SkuTotal());
            total.confidence = Math.min(total.confidence, confidence);
            Integer[] replaced = {null};
            Long previousRow = total.put(bin, quantity, row, replaced);
            if (previousRow != null) {
                problem(new CountProblem(row, sku, BIN, "repeats " + sku + (bin == null ? " (no bin)" : " in bin " + bin)
                        + " of row " + previousRow + " (" + replaced[0] + "); the later row (" + quantity + ") counts"));
            }
        }
    }

    /** Counted quantity of one SKU, per bin. Most SKUs have one bin, so the map is only made for a second. */
    static final class SkuTotal {
        private String firstBin;
        private int firstQuantity;
        private long firstRow;
        private boolean any;
        private Map<String, long[]> more;
        private long total;
        private double confidence = 1.0;

        Long put(String bin, int quantity, long row, Integer[] replaced) {
            String key = bin == null ? "" : bin;
            if (!any) {
                any = true;
                firstBin = key;
                firstQuantity = quantity;
                firstRow = row;
                total = quantity;
                return null;
            }
            if (key.equals(firstBin)) {
                replaced[0] = firstQuantity;
                long previous = firstRow;
                total += quantity - firstQuantity;
                firstQuantity = quantity;
                firstRow = row;
                return previous;
            }
            if (more == null) {
                more = new HashMap<>(4);
            }
            long[] existing = more.put(key, new long[] {quantity, row});
            total += quantity;
            if (existing != null) {
                replaced[0] = (int) existing[0];
                total -= existing[0];
                return existing[1];
            }
            return null;
        }

        long total() {
            return total;
        }

        double confidence() {
            return confidence;
        }

        /** The bins, comma separated, for the report ("" entries, lines without a bin, left out). */
        String bins() {
            TreeSet<String> bins = new TreeSet<>();
            if (!firstBin.isEmpty()) {
                bins.add(firstBin);
            }
            if (more != null) {
                more.keySet().stream().filter(b -> !b.isEmpty()).forEach(bins::add);
            }
            String joined = String.join(", ", bins);
            return joined.isEmpty() ? null : joined.length() <= 500 ? joined : joined.substring(0, 497) + "...";
        }
    }

    private CountSheetReader() {
    }

    static Map<String, Integer> columns(List<String> header) {
        Columns columns = Columns.of(header);
        Map<String, Integer> indexes = new HashMap<>();
        List<String> missing = new ArrayList<>();
        columns.find(SKU_NAMES).ifPresentOrElse(i -> indexes.put(SKU, i), () -> missing.add(SKU));
        columns.find(QUANTITY_NAMES).ifPresentOrElse(i -> indexes.put(QUANTITY, i), () -> missing.add(QUANTITY));
        columns.find(BIN_NAMES).ifPresent(i -> indexes.put(BIN, i));
        if (!missing.isEmpty()) {
            throw new MissingColumnsException(missing, List.of("sku (or Item, Article No.)",
                    "counted_quantity (or Counted, Qty, Quantity)", "[bin (or Location)]"));
        }
        return indexes;
    }

    static Sheet read(TableCursor cursor, int maxProblems) {
        Map<String, Integer> columns = columns(cursor.header());
        Sheet sheet = new Sheet(maxProblems);
        while (cursor.hasNext()) {
            TableRow row = cursor.next();
            sheet.rowsRead++;
            RowValues values = new RowValues(row, columns);
            String sku = values.text(SKU, true, 64);
            Integer quantity = values.wholeNumber(QUANTITY, true, 0, MAX_QUANTITY);
            String bin = values.text(BIN, false, 64);
            if (!values.valid()) {
                String skuText = sku == null ? null : sku.toUpperCase(Locale.ROOT);
                for (RowError error : values.errors()) {
                    sheet.problem(new CountProblem(error.row(), skuText, error.column(), error.reason()));
                }
                continue;
            }
            sheet.add(row.rowNumber(), sku.toUpperCase(Locale.ROOT), bin, quantity);
        }
        return sheet;
    }

    private static final Pattern ENTRY = Pattern.compile("^\\s*([^\\s=:;,|]+)\\s*(?:[=:;,|\\t]\\s*|\\s+)(.*?)\\s*$");

    /**
     * The count-stock form: one line per SKU and place, "SKU = quantity" (also "SKU: 12", "SKU;12", "SKU 12").
     * Lines of the same SKU are added up (the SKU was found in several places); a SKU with an empty
     * quantity was not counted. Line numbers are the rows of the problems.
     */
    static Sheet readEntries(String text, int maxProblems) {
        Sheet sheet = new Sheet(maxProblems);
        if (text == null) {
            return sheet;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            sheet.rowsRead++;
            long row = i + 1L;
            Matcher m = ENTRY.matcher(line);
            String sku = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
            String quantityText = m.matches() ? m.group(2) : "";
            if (sku.length() > 64) {
                sheet.problem(new CountProblem(row, null, SKU, "is longer than 64 characters"));
                continue;
            }
            if (quantityText.isEmpty()) {
                continue;
            }
            int quantity;
            try {
                quantity = Integer.parseInt(quantityText.replace(" ", ""));
            } catch (NumberFormatException e) {
                sheet.problem(new CountProblem(row, sku, QUANTITY, "'" + abbreviate(quantityText) + "' is not a whole number"));
                continue;
            }
            if (quantity < 0 || quantity > MAX_QUANTITY) {
                sheet.problem(new CountProblem(row, sku, QUANTITY, quantity + " is outside 0 to " + MAX_QUANTITY));
                continue;
            }
            // each form line is its own place: add up, never replace
            sheet.add(row, sku, "line " + row, quantity);
        }
        return sheet;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
