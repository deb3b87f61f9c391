package org.kontor.document.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.document.extract.Labels.Concept;
import org.kontor.document.extract.Layout.Row;
import org.kontor.document.extract.Layout.Word;

/**
 * Finds the line table by its column headers (any order, any of the known wordings) and reads the rows below
 * it until a totals line. Columns are the x-ranges of the header words: a cell word belongs to the column whose
 * header it overlaps, else to the nearest column starting left of it (text is left-aligned under its header,
 * numbers may stick out to the left of a right-aligned header).
 */
final class LineTableReader {

    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    /**
     * How much a table found by its rows' arithmetic, not by a header, is worth before its amounts are checked against
     * the document total: below straight-through on its own, so only rows that add up to the total pass unreviewed.
     */
    private static final double INFERRED_HEADER_QUALITY = 0.85;

    record Column(Concept concept, int x0, int x1) {
    }

    /**
     * @param headerRow index of the header row, -1 when no table was found
     * @param endRow    index of the first row after the table (a totals row, or the row that ended it)
     */
    record Table(int headerRow, int endRow, List<Column> columns, List<ExtractedLine> lines, double headerQuality,
            Row header) {
        boolean found() {
            return headerRow >= 0;
        }
    }

    private final Layout layout;
    private final NumberParser.Decimal decimal;

    LineTableReader(Layout layout, NumberParser.Decimal decimal) {
        this.layout = layout;
        this.decimal = decimal;
    }

    Table read() {
        return read(false);
    }

    /**
     * @param loose also accept a header row with only two column headers, one of them a number column: what OCR left
     *              of a header whose other words it lost. Good enough to point a second reading at, not to read rows by.
     */
    Table read(boolean loose) {
        Table byHeader = byHeader(loose);
        ColumnInference.Inferred inferred = ColumnInference.infer(layout, decimal);
        if (inferred == null) {
            return byHeader;
        }
        Table byRows = byRows(inferred);
        // rows whose arithmetic placed the columns must be most of what is read by them, not one coincidence among many
        boolean placedByMost = 2 * inferred.rows() >= byRows.lines().size();
        return placedByMost && soundLines(byRows) > soundLines(byHeader) ? byRows : byHeader;
    }

    /**
     * The table with the columns its rows' arithmetic shows ({@link ColumnInference}), read from its first order line
     * (or a row just above it that has numbers enough to be one whose arithmetic OCR spoilt). A header row just above
     * belongs to the table, whatever OCR made of its words.
     */
    private Table byRows(ColumnInference.Inferred inferred) {
        int first = inferred.firstRow();
        while (first > 0 && adjacent(layout.rows.get(first - 1), layout.rows.get(first))
                && numbers(layout.rows.get(first - 1)) >= 3 && !isTotals(layout.rows.get(first - 1))) {
            first--;
        }
        Row line = layout.rows.get(first);
        boolean headerAbove = first > 0 && line.top() - layout.rows.get(first - 1).bottom() <= 3 * line.height();
        Row header = new Row(first - 1, List.of(), line.top() - line.height(), line.top() - 1, line.height());
        Table table = readRows(header, inferred.columns(), INFERRED_HEADER_QUALITY);
        return new Table(headerAbove ? first - 1 : first, table.endRow(), table.columns(), table.lines(),
                table.headerQuality(), header);
    }

    private static boolean adjacent(Row above, Row below) {
        return below.top() - above.bottom() <= 1.5 * Math.max(above.height(), below.height());
    }

    private static long numbers(Row row) {
        return row.words().stream().filter(w -> w.text().matches("\\W*\\d[\\d.,]*\\W*")).count();
    }

    /** Lines with an article code whose quantity, price and amount multiply out: what a reading of the table is worth. */
    private static long soundLines(Table table) {
        return table.lines().stream().filter(l -> l.sku().present() && l.quantity().present()
                && l.unitPrice().present() && l.amount().present()
                && multipliesOut(l.quantity().value(), l.unitPrice().value(), l.amount().value())).count();
    }

    private Table byHeader(boolean loose) {
        for (Row printed : layout.rows) {
            Row row = splitGluedWords(printed);
            List<Labels.Match> matches = Labels.find(row.texts(), Labels.COLUMNS, new boolean[row.words().size()]);
            Map<Concept, Column> columns = new EnumMap<>(Concept.class);
            double quality = 1;
            for (Labels.Match m : matches) {
                if (columns.containsKey(m.concept())) {
                    continue;
                }
                Word first = row.words().get(m.from());
                Word last = row.words().get(m.to() - 1);
                columns.put(m.concept(), new Column(m.concept(), first.x(), last.right()));
                quality = Math.min(quality, m.quality());
            }
            boolean identified = columns.containsKey(Concept.COL_SKU) || columns.containsKey(Concept.COL_DESCRIPTION);
            boolean withQuantity = columns.containsKey(Concept.COL_QTY)
                    && (columns.containsKey(Concept.COL_PRICE) || columns.containsKey(Concept.COL_AMOUNT));
            // a table may price its lines without a quantity column: the quantity is then amount / unit price
            boolean withoutQuantity = columns.containsKey(Concept.COL_PRICE) && columns.containsKey(Concept.COL_AMOUNT);
            boolean numbers = columns.containsKey(Concept.COL_QTY) || columns.containsKey(Concept.COL_PRICE)
                    || columns.containsKey(Concept.COL_AMOUNT);
            if (columns.size() >= 3 && identified && (withQuantity || withoutQuantity)
                    || loose && columns.size() >= 2 && numbers) {
                List<Column> sorted = new ArrayList<>(columns.values());
                sorted.sort((a, b) -> a.x0() - b.x0());
                return readRows(printed, sorted, quality);
            }
        }
        return new Table(-1, -1, List.of(), List.of(), 0, null);
    }

    /** The row with glued header words cut apart, each part given its share of the box. */
    private static Row splitGluedWords(Row row) {
        List<Word> out = new ArrayList<>();
        boolean changed = false;
        for (Word w : row.words()) {
            String letters = w.text().replaceAll("[^\\p{L}\\p{N}#]", "");
            int[] parts = Labels.splitCompound(w.text());
            if (parts == null) {
                out.add(w);
                continue;
            }
            changed = true;
            int total = parts[0] + parts[1];
            int firstWidth = w.w() * parts[0] / total;
            out.add(new Word(letters.substring(0, parts[0]), w.confidence(), w.x(), w.y(), firstWidth, w.h()));
            out.add(new Word(letters.substring(parts[0]), w.confidence(), w.x() + firstWidth, w.y(), w.w() - firstWidth, w.h()));
        }
        return changed ? new Row(row.index(), List.copyOf(out), row.top(), row.bottom(), row.height()) : row;
    }

    private Table readRows(Row header, List<Column> columns, double headerQuality) {
        List<ExtractedLine> lines = new ArrayList<>();
        List<Double> lineBottoms = new ArrayList<>();
        int end = layout.rows.size();
        int lastBottom = header.bottom();
        int skippedBeforeFirst = 0;
        for (int r = header.index() + 1; r < layout.rows.size(); r++) {
            Row row = layout.rows.get(r);
            if (row.top() - lastBottom > 5 * Math.max(header.height(), row.height())) {
                end = r;
                break;
            }
            if (isRule(row)) {
                continue;
            }
            Map<Concept, List<Word>> cells = cells(row, columns);
            Integer qty = text(cells, Concept.COL_QTY) == null ? null
                    : NumberParser.quantity(text(cells, Concept.COL_QTY), decimal);
            // a product may be called "Shipping carton": only a row without a quantity or without an article code
            // can be a totals line (the total may sit under the quantity column, a label under the SKU column)
            if ((qty == null && !hasCode(cells.get(Concept.COL_SKU)) || !cells.containsKey(Concept.COL_SKU))
                    && isTotals(row)) {
                end = r;
                break;
            }
            NumberParser.Parsed price = NumberParser.parse(text(cells, Concept.COL_PRICE), decimal);
            NumberParser.Parsed amount = NumberParser.parse(text(cells, Concept.COL_AMOUNT), decimal);
            boolean numeric = qty != null || price != null || amount != null;
            boolean close = row.top() - lastBottom <= 1.2 * Math.max(header.height(), row.height());
            if (numeric && price == null && amount == null && !lines.isEmpty() && close
                    && !cells.containsKey(Concept.COL_SKU) && cells.containsKey(Concept.COL_DESCRIPTION)) {
                // "bundle of 25" wrapped under a description, its number reaching under the quantity header: a line
                // without article, price or amount is the text of the line above, not an order line
                List<Word> text = new ArrayList<>(cells.get(Concept.COL_DESCRIPTION));
                cells.entrySet().stream().filter(e -> e.getKey() != Concept.COL_DESCRIPTION)
                        .forEach(e -> text.addAll(e.getValue()));
                text.sort((a, b) -> a.x() - b.x());
                lines.add(joinDescription(lines.remove(lines.size() - 1), text));
                lastBottom = row.bottom();
                continue;
            }
            if (!numeric) {
                // a speck ("‘", ";") under another column does not make a wrapped description a row of its own
                boolean onlyDescription = cells.entrySet().stream().allMatch(e -> e.getKey() == Concept.COL_DESCRIPTION
                        || e.getValue().stream().noneMatch(Word::hasText));
                if (!lines.isEmpty() && onlyDescription && close && !cells.isEmpty()) {
                    if (cells.containsKey(Concept.COL_DESCRIPTION)) {
                        ExtractedLine prev = lines.remove(lines.size() - 1);
                        lines.add(joinDescription(prev, cells.get(Concept.COL_DESCRIPTION)));
                        lastBottom = row.bottom();
                    }
                    // else a row of specks only
                    continue;
                }
                if (lines.isEmpty() && skippedBeforeFirst++ < 2) {
                    continue;
                }
                end = r;
                break;
            }
            lines.add(line(cells, columns, row, qty, price, amount));
            lineBottoms.add((double) row.bottom());
            lastBottom = row.bottom();
        }
        return new Table(header.index(), end, columns, restoreHyphens(lines), headerQuality, header);
    }

    /** Whether a SKU cell holds an article code (a token of three or more with a digit), not a label. */
    private static boolean hasCode(List<Word> words) {
        return words != null && words.stream().anyMatch(w -> w.text().matches("(?=.*\\d)[\\p{L}\\p{N}./-]{3,}.*"));
    }

    private ExtractedLine line(Map<Concept, List<Word>> cells, List<Column> columns, Row row, Integer qty,
            NumberParser.Parsed price, NumberParser.Parsed amount) {
        ExtractedField<String> sku = sku(cells.get(Concept.COL_SKU));
        List<Word> descWords = cells.get(Concept.COL_DESCRIPTION);
        ExtractedField<String> description = descWords == null ? ExtractedField.missing(0)
                : new ExtractedField<>(join(descWords), Confidence.ocr(Confidence.min(descWords)), join(descWords));
        Column qtyColumn = columns.stream().filter(c -> c.concept() == Concept.COL_QTY).findFirst().orElse(null);
        boolean splitFromPrice = false;
        if (price == null && amount != null && !amount.ambiguous() && (qty == null || qtyColumn == null)) {
            PriceAndQuantity split = priceAndQuantity(text(cells, Concept.COL_PRICE), amount.value());
            if (split != null) {
                // the quantity's header was lost or glued to the price's ("PRICQTY"): its value came with the price
                price = split.price();
                qty = split.quantity();
                splitFromPrice = true;
            }
        }
        Integer readQty = qty;
        ExtractedField<Integer> derived = null;
        if (splitFromPrice) {
            // both numbers were read; the row's arithmetic below confirms them
        } else if (qtyColumn == null) {
            derived = unlistedQuantity(price, amount, field(cells.get(Concept.COL_PRICE), price != null, false, false));
        } else if (qty == null) {
            derived = derivedQuantity(text(cells, Concept.COL_QTY), price, amount);
            ExtractedField<Integer> runOn = derived == null || derived.confidence() >= 0.9 ? null
                    : runOnQuantity(cells.get(Concept.COL_QTY), qtyColumn, row, price, amount);
            derived = runOn != null ? runOn : derived;
        } else if (price != null && amount != null && !multipliesOut(qty, price.value(), amount.value())) {
            derived = runOnQuantity(cells.get(Concept.COL_QTY), qtyColumn, row, price, amount);
        }
        if (derived != null) {
            qty = derived.value();
        }
        ExtractedField<BigDecimal> derivedPrice = derived != null || price != null || qty == null || amount == null
                || amount.ambiguous() ? null : derivedPrice(text(cells, Concept.COL_PRICE), qty, amount.value());
        if (derivedPrice != null) {
            price = new NumberParser.Parsed(derivedPrice.value(), false, false);
        }
        double qtyConf = derived != null ? derived.confidence() : field(cells.get(Concept.COL_QTY), qty != null, false, false);
        double priceConf = derivedPrice != null ? derivedPrice.confidence()
                : price == null ? 0 : field(cells.get(Concept.COL_PRICE), true, price.ambiguous(), price.ocrRepaired());
        double amountConf = amount == null ? 0 : field(cells.get(Concept.COL_AMOUNT), true, amount.ambiguous(), amount.ocrRepaired());
        if (derived != null) {
            // the quantity was worked out from the other two: they cannot confirm it, only the glyph can
            priceConf = Math.min(priceConf, 0.88);
        } else if (derivedPrice != null) {
            // the price was worked out from the other two: only its glyphs confirm it, and the total the amount
            amountConf = Math.min(amountConf, 0.88);
        } else if (qty != null && price != null && amount != null) {
            BigDecimal product = price.value().multiply(BigDecimal.valueOf(qty));
            if (product.subtract(amount.value()).abs().compareTo(HALF_CENT) <= 0) {
                // three numbers that multiply out are almost never all misread
                qtyConf = Math.max(qtyConf, 0.97);
                priceConf = Math.max(priceConf, 0.97);
                amountConf = Math.max(amountConf, 0.97);
            } else {
                qtyConf = Math.min(qtyConf, 0.5);
                priceConf = Math.min(priceConf, 0.5);
                amountConf = Math.min(amountConf, 0.5);
            }
        } else {
            // nothing to check the numbers against
            qtyConf = Math.min(qtyConf, 0.88);
            priceConf = Math.min(priceConf, 0.88);
        }
        if (Math.min(qty == null ? 0 : qtyConf, Math.min(priceConf, amountConf)) < 0.9) {
            ExtractedLine fixed = fromNumberColumns(columns, row, readQty, price, amount, sku, description,
                    text(cells, Concept.COL_PRICE), text(cells, Concept.COL_AMOUNT));
            if (fixed != null) {
                return fixed;
            }
        }
        return new ExtractedLine(sku, description,
                new ExtractedField<>(qty, qty == null ? 0 : qtyConf, text(cells, Concept.COL_QTY)),
                new ExtractedField<>(price == null ? null : price.value(), priceConf, text(cells, Concept.COL_PRICE)),
                new ExtractedField<>(amount == null ? null : amount.value(), amountConf, text(cells, Concept.COL_AMOUNT)));
    }

    /**
     * A row whose numbers do not multiply out, or that lacks one, settled with the number columns read digits-only
     * ({@link Layout#numberReadings}): of the row's and the columns' readings of quantity, unit price and amount, the one
     * combination that multiplies out, if there is exactly one. Two readings of a cell and the row's arithmetic agree;
     * a value only the column reading gives is a little less sure than one both readings give.
     */
    private ExtractedLine fromNumberColumns(List<Column> columns, Row row, Integer readQty, NumberParser.Parsed price,
            NumberParser.Parsed amount, ExtractedField<String> sku, ExtractedField<String> description, String priceRaw,
            String amountRaw) {
        if (layout.numberReadings.isEmpty()) {
            return null;
        }
        String qText = columnText(columns, Concept.COL_QTY, row);
        String pText = columnText(columns, Concept.COL_PRICE, row);
        String aText = columnText(columns, Concept.COL_AMOUNT, row);
        if (qText == null && pText == null && aText == null) {
            return null;
        }
        List<Integer> qtys = new ArrayList<>();
        for (Integer q : java.util.Arrays.asList(readQty, qText == null ? null : NumberParser.quantity(qText, decimal))) {
            if (q != null && q > 0 && !qtys.contains(q)) {
                qtys.add(q);
            }
        }
        List<BigDecimal> prices = values(price, pText);
        List<BigDecimal> amounts = values(amount, aText);
        Integer fitQ = null;
        BigDecimal fitP = null;
        BigDecimal fitA = null;
        for (Integer q : qtys) {
            for (BigDecimal p : prices) {
                for (BigDecimal a : amounts) {
                    if (!multipliesOut(q, p, a)) {
                        continue;
                    }
                    if (fitQ != null && !(fitQ.equals(q) && fitP.compareTo(p) == 0 && fitA.compareTo(a) == 0)) {
                        return null;
                    }
                    fitQ = q;
                    fitP = p;
                    fitA = a;
                }
            }
        }
        if (fitQ == null) {
            return null;
        }
        boolean pageQ = fitQ.equals(readQty);
        boolean pageP = price != null && !price.ambiguous() && price.value().compareTo(fitP) == 0;
        boolean pageA = amount != null && !amount.ambiguous() && amount.value().compareTo(fitA) == 0;
        return new ExtractedLine(sku, description,
                new ExtractedField<>(fitQ, pageQ ? 0.97 : 0.95, pageQ ? String.valueOf(readQty) : qText),
                new ExtractedField<>(fitP, pageP ? 0.97 : 0.95, pageP ? priceRaw : pText),
                new ExtractedField<>(fitA, pageA ? 0.97 : 0.95, pageA ? amountRaw : aText));
    }

    private List<BigDecimal> values(NumberParser.Parsed page, String column) {
        List<BigDecimal> values = new ArrayList<>();
        NumberParser.Parsed read = NumberParser.parse(column, decimal);
        for (NumberParser.Parsed p : java.util.Arrays.asList(page, read)) {
            if (p != null && !p.ambiguous() && p.value().signum() > 0
                    && values.stream().noneMatch(v -> v.compareTo(p.value()) == 0)) {
                values.add(p.value());
            }
        }
        return values;
    }

    /** The digits-only reading of one number column within one row: words centred in the row and in the strip. */
    private String columnText(List<Column> columns, Concept concept, Row row) {
        int[] strip = null;
        for (LineTableRegion.Strip s : LineTableRegion.numberStrips(columns, row.height(), layout.pageWidth)) {
            if (s.concept() == concept) {
                strip = new int[] {s.left(), s.right()};
            }
        }
        if (strip == null) {
            return null;
        }
        int slack = row.height() / 4;
        List<Word> words = new ArrayList<>();
        for (Word w : layout.numberReadings) {
            int cx = w.x() + w.w() / 2;
            int cy = w.y() + w.h() / 2;
            if (cx >= strip[0] && cx < strip[1] && cy >= row.top() - slack && cy <= row.bottom() + slack) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        words.sort((a, b) -> a.x() - b.x());
        return join(words);
    }

    /**
     * A quantity OCR could not read ("S)" for 5, or nothing), from amount / unit price when that is a whole number.
     * Trusted only as far as the unreadable glyph agrees with it once OCR confusions are undone (S/5, O/0, l/1, ]/1,
     * B/8, Z/2, G/6, A/4); a cell OCR left empty or read as another digit says nothing for it, and a clerk looks.
     */
    static ExtractedField<Integer> derivedQuantity(String raw, NumberParser.Parsed price, NumberParser.Parsed amount) {
        Integer qty = wholeRatio(price, amount);
        if (qty == null) {
            return null;
        }
        double confidence = digitGlyphs(raw).equals(String.valueOf(qty)) ? 0.93 : 0.6;
        return new ExtractedField<>(qty, confidence, raw);
    }

    /**
     * A unit price OCR could not read ("~—-€6. 40"), from amount / quantity when that comes out in whole cents. Trusted
     * only as far as the cell's digits, once OCR confusions are undone, are that price's digits: a cell OCR left empty
     * or read as other digits says nothing for it, and a clerk looks.
     */
    static ExtractedField<BigDecimal> derivedPrice(String raw, int qty, BigDecimal amount) {
        if (qty <= 0 || amount.signum() <= 0) {
            return null;
        }
        BigDecimal price = amount.divide(BigDecimal.valueOf(qty), 2, java.math.RoundingMode.HALF_UP);
        if (!multipliesOut(qty, price, amount)) {
            return null;
        }
        String glyphs = digitGlyphs(raw).replaceFirst("^0+", "");
        String digits = price.toPlainString().replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return new ExtractedField<>(price, glyphs.equals(digits) ? 0.93 : 0.6, raw);
    }

    /** A cell's text as the digits OCR's letter look-alikes stand for (S/5, O/0, l/1, ]/1, B/8, Z/2, G/6, A/4). */
    private static String digitGlyphs(String raw) {
        return raw == null ? "" : raw.replaceAll("[Ss$]", "5").replaceAll("[Oo]", "0").replaceAll("[Il|!\\]\\[]", "1")
                .replace('B', '8').replace('Z', '2').replace('G', '6').replace('A', '4').replaceAll("[^0-9]", "");
    }

    /**
     * The quantity of a table that has no quantity column, only unit prices and amounts: amount / unit price when that
     * is a whole number. It rests on the unit price as read (the amounts are checked against the total later), so it
     * is no surer than the price's own reading.
     */
    static ExtractedField<Integer> unlistedQuantity(NumberParser.Parsed price, NumberParser.Parsed amount,
            double priceConfidence) {
        Integer qty = wholeRatio(price, amount);
        return qty == null ? null : new ExtractedField<>(qty, Math.min(0.93, priceConfidence), null);
    }

    /**
     * A quantity cell whose first word reaches left out of the quantity column and follows the text before it at a
     * word's distance, and that does not multiply out: the column before ran on into the quantity ("bundle of 25"
     * with the quantity 1 beside it comes back as "251"). When amount / unit price is a whole number the cell's text
     * ends with, that is the quantity: the glyphs, the geometry and the row's arithmetic agree.
     */
    static ExtractedField<Integer> runOnQuantity(List<Word> words, Column column, Row row, NumberParser.Parsed price,
            NumberParser.Parsed amount) {
        if (words == null || words.isEmpty()) {
            return null;
        }
        Word first = words.get(0);
        int at = row.words().indexOf(first);
        if (at <= 0 || first.x() >= column.x0() - row.height() / 2
                || first.x() - row.words().get(at - 1).right() > row.columnGap()) {
            return null;
        }
        Integer qty = wholeRatio(price, amount);
        String raw = join(words).replaceAll("[^\\p{L}\\p{N}]+$", "");
        if (qty == null || !raw.endsWith(String.valueOf(qty)) || raw.length() == String.valueOf(qty).length()) {
            return null;
        }
        return new ExtractedField<>(qty, 0.93, join(words));
    }

    /**
     * A price cell that holds two numbers side by side, a price and a whole number ("17,90 EUR 75"), whose product is
     * the row's amount: the price and the quantity of a column whose header OCR lost. Null unless exactly one pair of
     * neighbouring numbers at the start of the cell multiplies out.
     */
    record PriceAndQuantity(NumberParser.Parsed price, int quantity) {
    }

    PriceAndQuantity priceAndQuantity(String cell, BigDecimal amount) {
        if (cell == null) {
            return null;
        }
        List<String> numbers = new ArrayList<>();
        for (String t : cell.split("\\s+")) {
            String bare = t.replaceAll("(?i)eur|€|\\$|£|[^0-9.,]+$", "");
            if (bare.matches("\\d[\\d.,]*")) {
                numbers.add(bare);
            } else if (!bare.isEmpty() && numbers.isEmpty()) {
                return null;
            }
            if (numbers.size() == 3) {
                break;
            }
        }
        PriceAndQuantity found = null;
        for (int i = 0; i + 1 < numbers.size(); i++) {
            for (int[] order : new int[][] {{i, i + 1}, {i + 1, i}}) {
                NumberParser.Parsed p = NumberParser.parse(numbers.get(order[0]), decimal);
                String q = numbers.get(order[1]);
                if (p == null || p.ambiguous() || p.value().signum() <= 0 || !q.matches("\\d{1,6}")) {
                    continue;
                }
                int qty = Integer.parseInt(q);
                if (qty > 0 && multipliesOut(qty, p.value(), amount)) {
                    if (found != null) {
                        return null;
                    }
                    found = new PriceAndQuantity(p, qty);
                }
            }
        }
        return found;
    }

    private static boolean multipliesOut(int qty, BigDecimal price, BigDecimal amount) {
        return price.multiply(BigDecimal.valueOf(qty)).subtract(amount).abs().compareTo(HALF_CENT) <= 0;
    }

    /** amount / price when both are read, unambiguous and positive and the quotient is a whole number. */
    private static Integer wholeRatio(NumberParser.Parsed price, NumberParser.Parsed amount) {
        if (price == null || amount == null || price.value().signum() <= 0 || amount.value().signum() <= 0
                || price.ambiguous() || amount.ambiguous()) {
            return null;
        }
        BigDecimal ratio = amount.value().divide(price.value(), 6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        int qty;
        try {
            qty = ratio.intValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
        return qty > 0 && multipliesOut(qty, price.value(), amount.value()) ? qty : null;
    }

    private static double field(List<Word> words, boolean valid, boolean ambiguous, boolean repaired) {
        if (words == null || !valid) {
            return 0;
        }
        double c = Confidence.ocr(Confidence.min(words));
        if (ambiguous) {
            c *= 0.7;
        }
        if (repaired) {
            c *= 0.75;
        }
        return c;
    }

    /**
     * A SKU as printed. OCR splits it at the hyphen, and scanner specks become stray punctuation or single letters
     * beside it; those are dropped, at some cost in confidence. Digit-looking letters inside make it doubtful.
     */
    private static ExtractedField<String> sku(List<Word> words) {
        if (words == null || words.isEmpty()) {
            return ExtractedField.missing(0);
        }
        String raw = join(words);
        // specks read as "*" or "." say nothing about the SKU beside them; a SKU split at its hyphen is one reading
        List<Word> real = words.stream().filter(w -> w.text().replaceAll("[^A-Za-z0-9]", "").length() >= 2).toList();
        double c = real.isEmpty() ? 0 : Confidence.ocr(real.size() == 2 && real.get(0).text().endsWith("-")
                ? real.stream().mapToDouble(Word::confidence).average().orElse(0) : Confidence.min(real));
        List<String> tokens = new ArrayList<>();
        for (String t : PurchaseOrderExtractor.joinedTokens(words)) {
            String clean = t.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
            // "BV~5002", "CL=3011": a hyphen OCR read as a tilde, an equals sign or a dash between letters and digits
            String hyphen = clean.replaceAll("(?<=[A-Za-z])[~=_\u2013\u2014](?=\\d)", "-");
            if (!hyphen.equals(clean)) {
                clean = hyphen;
                c *= 0.9;
            }
            if (!clean.isEmpty()) {
                tokens.add(clean);
            }
        }
        if (tokens.isEmpty()) {
            return new ExtractedField<>(null, 0, raw);
        }
        if (words.size() > 1) {
            c *= 0.95;
        }
        String value = tokens.get(0);
        if (tokens.size() == 2 && tokens.get(0).matches("(?=.*[A-Za-z])[A-Za-z0-9]{1,4}") && tokens.get(1).matches("\\d{2,8}")) {
            // "WH 4002": the hyphen too faint to read; the document's other SKUs may give it back
            tokens = List.of(tokens.get(0) + tokens.get(1));
            value = tokens.get(0);
            c *= 0.9;
        }
        if (tokens.size() > 1) {
            String main = null;
            for (String t : tokens) {
                if (t.length() >= 4 && t.matches(".*\\d.*") && t.matches(".*[A-Za-z].*") || t.matches("\\d{4,}")) {
                    main = main == null ? t : "";
                }
            }
            if (main == null || main.isEmpty()) {
                value = String.join("", tokens);
                c *= 0.6;
            } else {
                value = main;
                c *= 0.9;
            }
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9][A-Z0-9./-]{2,}") || !upper.matches(".*\\d.*")) {
            c *= 0.5;
        } else if (value.matches(".*\\d[OISBZGl|]+\\d.*|.*\\d[OISBZGl|]+$|.*-[OISBZGl|]\\d.*|^[0-9][A-Z].*")) {
            c *= 0.7;
        }
        return new ExtractedField<>(upper, Confidence.clamp(c), raw);
    }

    /**
     * SKUs of one document share a shape; one printed without the hyphen all the others have ("OF1001" among
     * "PK-2001", "WH-4010") gets it back, a little less sure.
     */
    static List<ExtractedLine> restoreHyphens(List<ExtractedLine> lines) {
        java.util.Set<String> shapes = new java.util.HashSet<>();
        for (ExtractedLine l : lines) {
            String sku = l.sku().value();
            if (sku != null && sku.matches("[A-Z]{1,4}-\\d{2,8}")) {
                shapes.add(sku.indexOf('-') + ":" + (sku.length() - sku.indexOf('-') - 1));
            }
        }
        if (shapes.size() != 1) {
            return lines;
        }
        String[] shape = shapes.iterator().next().split(":");
        int letters = Integer.parseInt(shape[0]);
        int digits = Integer.parseInt(shape[1]);
        List<ExtractedLine> out = new ArrayList<>();
        for (ExtractedLine l : lines) {
            String sku = l.sku().value();
            String compact = sku == null ? null : sku.replace("-", "");
            if (sku != null && sku.length() == letters + digits && sku.matches("[A-Z]{" + letters + "}\\d{" + digits + "}")) {
                ExtractedField<String> fixed = new ExtractedField<>(sku.substring(0, letters) + "-" + sku.substring(letters),
                        l.sku().confidence() * 0.97, l.sku().raw());
                out.add(new ExtractedLine(fixed, l.description(), l.quantity(), l.unitPrice(), l.amount()));
            } else if (compact != null && compact.length() == letters + digits && !sku.matches("[A-Z]{1,4}-\\d{2,8}")) {
                // "0F1010" among "PK-2001", "WH-4010": a digit where the shape has a letter (or the reverse) is OCR's
                // look-alike; the shape gives it back, but nothing on the page confirms it: the catalogue has to
                String shaped = lookAlikes(compact.substring(0, letters), true) + "-"
                        + lookAlikes(compact.substring(letters), false);
                boolean fits = shaped.matches("[A-Z]{" + letters + "}-\\d{" + digits + "}");
                out.add(!fits ? l : new ExtractedLine(new ExtractedField<>(shaped, Math.min(l.sku().confidence(), 0.7),
                        l.sku().raw()), l.description(), l.quantity(), l.unitPrice(), l.amount()));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** The characters OCR confuses between letters and digits, turned into letters or into digits. */
    static String lookAlikes(String text, boolean toLetters) {
        String digits = "01582 6";
        String letters = "OISBZ G";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int i = toLetters ? digits.indexOf(c) : letters.indexOf(c);
            out.append(i >= 0 && c != ' ' ? (toLetters ? letters : digits).charAt(i) : c);
        }
        return out.toString();
    }

    private static ExtractedLine joinDescription(ExtractedLine prev, List<Word> more) {
        String text = prev.description().value() == null ? join(more) : prev.description().value() + " " + join(more);
        double conf = Math.min(prev.description().present() ? prev.description().confidence() : 1,
                Confidence.ocr(Confidence.min(more)));
        return new ExtractedLine(prev.sku(), new ExtractedField<>(text, conf, text), prev.quantity(), prev.unitPrice(),
                prev.amount());
    }

    private Map<Concept, List<Word>> cells(Row row, List<Column> columns) {
        Map<Concept, List<Word>> cells = new EnumMap<>(Concept.class);
        int slack = row.height() / 2;
        Word previous = null;
        Concept previousColumn = null;
        for (Word w : row.words()) {
            if (w.text().matches("[|:;,.'`~_—–-]+") || (w.confidence() < 50 && w.w() < row.height() && w.text().length() <= 2)) {
                // rules, stray punctuation and scanner specks read as a lone "3"
                continue;
            }
            if (previous != null && !w.text().matches(".*\\d.*") && w.x() - previous.right() < row.height()
                    && previousColumn != null && columns.stream().noneMatch(c -> Math.abs(c.x0() - w.x()) <= slack)) {
                // a word running on from the one before (a long description reaching under the next header)
                cells.get(previousColumn).add(w);
                previous = w;
                continue;
            }
            Column best = null;
            int bestOverlap = 0;
            for (Column c : columns) {
                int overlap = Math.min(w.right(), c.x1() + slack) - Math.max(w.x(), c.x0() - slack);
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = c;
                }
            }
            if (best == null) {
                for (Column c : columns) {
                    if (c.x0() - slack <= w.x()) {
                        best = c;
                    }
                }
                boolean startsGroup = previous == null || w.x() - previous.right() > row.columnGap();
                if (best != null && startsGroup && w.x() > best.x1() + 3 * row.columnGap()) {
                    // far right of its column's header and not running on from it: a column whose header OCR lost
                    previous = w;
                    previousColumn = null;
                    continue;
                }
            }
            if (best == null) {
                best = columns.get(0);
            }
            cells.computeIfAbsent(best.concept(), k -> new ArrayList<>()).add(w);
            previous = w;
            previousColumn = best.concept();
        }
        return cells;
    }

    private static String text(Map<Concept, List<Word>> cells, Concept concept) {
        List<Word> words = cells.get(concept);
        return words == null ? null : join(words);
    }

    static String join(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }

    static boolean isRule(Row row) {
        String text = String.join("", row.texts());
        return text.replaceAll("[-=_~*|.:+—–]", "").isEmpty();
    }

    static boolean isTotals(Row row) {
        List<Labels.Match> m = Labels.find(row.texts(), Labels.TOTALS, new boolean[row.words().size()]);
        for (Labels.Match match : m) {
            if (row.startsSegment(match.from())) {
                return true;
            }
        }
        return false;
    }
}
