package org.kontor.document.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kontor.document.extract.Labels.Concept;
import org.kontor.document.extract.Layout.Row;
import org.kontor.document.extract.Layout.Word;

/**
 * A line table's columns told by what its rows hold, for a header OCR lost, garbled ("COBRICE" for "UNIT PRICE") or
 * printed in words Kontor does not know. An order line is a row with a whole number, a price and an amount that
 * multiply out; the columns are where those three sit in most such rows, the article code is the word with a digit
 * that lines up across them, and the description is the text that is left. Arithmetic that holds in row after row at
 * the same places is hard to fake, but a table found this way is still only as sure as its amounts adding up to the
 * document total (see {@link LineTableReader#read()}).
 */
final class ColumnInference {

    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    /** Number words per row tried as quantity, price and amount: a description may hold a few numbers too. */
    private static final int MAX_NUMBERS = 12;

    /**
     * @param firstRow index of the first order line
     * @param columns  the inferred columns, left to right
     * @param rows     how many rows have their quantity, price and amount in those columns
     */
    record Inferred(int firstRow, List<LineTableReader.Column> columns, int rows) {
    }

    /** Quantity, price and amount of one row as three words that multiply out. */
    private record Triple(int row, Word qty, Word price, Word amount) {
        boolean sameColumns(Triple o) {
            return overlaps(qty, o.qty) && overlaps(price, o.price) && overlaps(amount, o.amount);
        }

        boolean uses(Word w) {
            return w == qty || w == price || w == amount;
        }
    }

    private ColumnInference() {
    }

    /** The columns the rows' arithmetic shows, or null when no row has a quantity, price and amount that multiply out. */
    static Inferred infer(Layout layout, NumberParser.Decimal decimal) {
        List<Triple> all = new ArrayList<>();
        for (Row row : layout.rows) {
            all.addAll(triples(row, decimal));
        }
        Triple best = null;
        List<Triple> support = List.of();
        for (Triple t : all) {
            List<Triple> rows = new ArrayList<>();
            for (Triple o : all) {
                if (t.sameColumns(o) && rows.stream().noneMatch(s -> s.row() == o.row())) {
                    rows.add(o);
                }
            }
            if (rows.size() > support.size()) {
                best = t;
                support = rows;
            }
        }
        if (best == null || ambiguous(best, support, all)) {
            return null;
        }
        List<Row> lineRows = support.stream().map(t -> layout.rows.get(t.row())).toList();
        List<LineTableReader.Column> columns = new ArrayList<>();
        columns.add(span(Concept.COL_QTY, support.stream().map(Triple::qty).toList()));
        columns.add(span(Concept.COL_PRICE, support.stream().map(Triple::price).toList()));
        columns.add(span(Concept.COL_AMOUNT, support.stream().map(Triple::amount).toList()));
        List<Word> codes = codeColumn(lineRows, support, columns);
        if (!codes.isEmpty()) {
            columns.add(span(Concept.COL_SKU, codes));
        }
        LineTableReader.Column description = descriptionColumn(lineRows, support, columns);
        if (description != null) {
            columns.add(description);
        }
        if (codes.isEmpty() && description == null) {
            return null;
        }
        columns.sort(Comparator.comparingInt(LineTableReader.Column::x0));
        return new Inferred(support.stream().mapToInt(Triple::row).min().orElseThrow(), List.copyOf(columns),
                support.size());
    }

    /**
     * Whether other columns explain the same rows as well: a quantity and a price that are both whole numbers multiply
     * out either way round, and nothing on the page says which is which.
     */
    private static boolean ambiguous(Triple best, List<Triple> support, List<Triple> all) {
        for (Triple o : all) {
            if (o.sameColumns(best) || support.stream().noneMatch(s -> s.row() == o.row())) {
                continue;
            }
            long rows = all.stream().filter(x -> x.sameColumns(o)).mapToInt(Triple::row).distinct().count();
            if (rows >= support.size()) {
                return true;
            }
        }
        return false;
    }

    /** Every way a row's words read as a whole quantity, a price and an amount with quantity × price = amount. */
    private static List<Triple> triples(Row row, NumberParser.Decimal decimal) {
        List<Word> numbers = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (Word w : row.words()) {
            NumberParser.Parsed p = isNumber(w) ? NumberParser.parse(w.text(), decimal) : null;
            if (p != null && !p.ambiguous() && p.value().signum() > 0 && numbers.size() < MAX_NUMBERS) {
                numbers.add(w);
                values.add(p.value());
            }
        }
        List<Triple> out = new ArrayList<>();
        for (int q = 0; q < numbers.size(); q++) {
            Integer qty = NumberParser.quantity(numbers.get(q).text(), decimal);
            if (qty == null) {
                continue;
            }
            for (int p = 0; p < numbers.size(); p++) {
                for (int a = 0; a < numbers.size(); a++) {
                    if (p == q || a == q || a == p || values.get(a).compareTo(values.get(p)) < 0) {
                        continue;
                    }
                    BigDecimal product = values.get(p).multiply(BigDecimal.valueOf(qty));
                    // a quantity of one makes any number its own amount: only a printed decimal price counts then
                    boolean trivial = qty == 1 && !decimals(numbers.get(p));
                    // "54,00" beside "86": the number printed with cents is the price, whichever way round they multiply
                    boolean swapped = decimals(numbers.get(q)) && !decimals(numbers.get(p));
                    if (!trivial && !swapped && product.subtract(values.get(a)).abs().compareTo(HALF_CENT) <= 0) {
                        out.add(new Triple(row.index(), numbers.get(q), numbers.get(p), numbers.get(a)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The article codes: words with a digit, outside the number columns, that line up across the most order lines
     * (at least half of them). A description's "50mm" or "100x150" wanders from row to row; a code column does not.
     */
    private static List<Word> codeColumn(List<Row> rows, List<Triple> support, List<LineTableReader.Column> numbers) {
        List<Word> candidates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Triple t = support.get(i);
            for (Word w : rows.get(i).words()) {
                String bare = w.text().replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                if (!t.uses(w) && bare.length() >= 3 && bare.matches("(?=.*\\d)[\\p{L}\\p{N}./~=_-]+")
                        && !inAny(w, numbers)) {
                    candidates.add(w);
                }
            }
        }
        List<Word> best = List.of();
        long bestCovered = 0;
        for (Word w : candidates) {
            List<Word> aligned = candidates.stream().filter(o -> overlaps(w, o)).toList();
            long covered = rows.stream().filter(r -> containsAny(r, aligned)).count();
            if (covered > bestCovered || covered == bestCovered && covered > 0 && w.x() < best.get(0).x()) {
                best = aligned;
                bestCovered = covered;
            }
        }
        return 2 * bestCovered >= rows.size() ? best : List.of();
    }

    /**
     * The description: where the first word with letters (not a currency) starts in each line, outside the number and
     * code columns. Its width is the widest such first word; longer text runs on into it as under a printed header.
     */
    private static LineTableReader.Column descriptionColumn(List<Row> rows, List<Triple> support,
            List<LineTableReader.Column> taken) {
        List<Word> firsts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Triple t = support.get(i);
            for (Word w : rows.get(i).words()) {
                if (!t.uses(w) && !inAny(w, taken) && w.text().matches(".*\\p{L}{2,}.*")
                        && !w.text().matches("(?i)\\W*(eur|usd|gbp|chf|euro?s?)\\W*")) {
                    firsts.add(w);
                    break;
                }
            }
        }
        if (2 * firsts.size() < rows.size()) {
            return null;
        }
        return span(Concept.COL_DESCRIPTION, firsts);
    }

    /**
     * Whether a word is a number as a table prints one: digits and separators, perhaps a currency, no other letter.
     * The parser reads "A4" as 4, which is right for a smudged cell and wrong for a paper size in a description.
     */
    private static boolean isNumber(Word w) {
        return w.text().replaceAll("(?i)eur|usd|gbp|chf", "").matches("[^\\p{L}\\d]*\\d[\\d.,' ]*[^\\p{L}\\d]*");
    }

    /** Whether a number is printed with two decimal places, as money is. */
    private static boolean decimals(Word w) {
        return w.text().matches(".*\\d[.,]\\d{2}\\D*$");
    }

    /** Whether a word reaches into any of the columns. */
    private static boolean inAny(Word w, List<LineTableReader.Column> columns) {
        return columns.stream().anyMatch(c -> w.x() < c.x1() && w.right() > c.x0());
    }

    private static boolean containsAny(Row row, List<Word> words) {
        return words.stream().anyMatch(row.words()::contains);
    }

    private static LineTableReader.Column span(Concept concept, List<Word> words) {
        return new LineTableReader.Column(concept, words.stream().mapToInt(Word::x).min().orElseThrow(),
                words.stream().mapToInt(Word::right).max().orElseThrow());
    }

    private static boolean overlaps(Word a, Word b) {
        return a.x() < b.right() && b.x() < a.right();
    }
}
