package org.kontor.inventory.count;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kontor.document.DocumentType;
import org.kontor.document.corpus.Cell;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.DocumentRenderer;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.LineStyle;
import org.kontor.document.corpus.RenderStyle;
import org.kontor.document.corpus.TextLine;

/**
 * Printed stock-count sheets for demo products, in a few layouts (column order and wording, upper-case labels,
 * pipe-ruled tables, blind sheets without book quantities, a column of variances), with their ground truth, and
 * rendered as scans by the corpus renderer.
 */
public final class CountSheetScans {

    public enum Col { BIN, SKU, DESCRIPTION, BOOK, COUNTED, VARIANCE }

    /** One printed row; {@code counted} as printed ("______" when left blank). */
    public record Row(String bin, String sku, String description, int book, String counted) {
        Integer countedQuantity() {
            return counted.matches("\\d+") ? Integer.valueOf(counted) : null;
        }
    }

    public record Layout(List<Col> columns, List<String> labels, boolean pipes, boolean upper, char rule) {
    }

    public static final Layout CLASSIC = new Layout(
            List.of(Col.BIN, Col.SKU, Col.DESCRIPTION, Col.BOOK, Col.COUNTED, Col.VARIANCE),
            List.of("Location", "SKU", "Description", "System Qty", "Counted Qty", "Variance"), false, false, '-');
    public static final Layout BLIND_UPPER = new Layout(List.of(Col.SKU, Col.DESCRIPTION, Col.COUNTED, Col.BIN),
            List.of("Item No.", "Description", "Counted", "Bin"), false, true, '=');
    public static final Layout PIPES = new Layout(List.of(Col.DESCRIPTION, Col.SKU, Col.COUNTED, Col.BIN),
            List.of("Product", "Art. No.", "Physical Qty", "Bin Location"), true, false, '-');
    public static final Layout SHELF = new Layout(List.of(Col.BIN, Col.SKU, Col.BOOK, Col.COUNTED, Col.DESCRIPTION),
            List.of("Shelf", "Product Code", "Book Qty", "Count", "Goods"), false, false, ' ');

    private CountSheetScans() {
    }

    public static List<Row> demoRows() {
        return List.of(
                new Row("A-01-02", "OF-1001", "Copy paper A4 80g", 200, "196"),
                new Row("A-01-03", "OF-1010", "Ballpoint pen blue", 60, "60"),
                new Row("B-04-01", "BV-5002", "Coffee beans 1 kg", 50, "47"),
                new Row("C-12-05", "OF-1040", "Sticky notes yellow", 80, "83"),
                new Row("D-02-01", "OF-1031", "Staples 24/6", 30, "30"));
    }

    public static GeneratedDocument sheet(String id, Layout layout, List<Row> rows) {
        List<TextLine> lines = new ArrayList<>();
        lines.add(TextLine.of("Kontor Wholesale GmbH", LineStyle.BOLD));
        lines.add(TextLine.of(upper(layout, "Stock Count Sheet"), LineStyle.TITLE));
        lines.add(TextLine.blank());
        lines.add(TextLine.of(upper(layout, "Count No.") + ": SC-2026-00417     " + upper(layout, "Date") + ": 21.11.2026",
                LineStyle.NORMAL));
        lines.add(TextLine.of(upper(layout, "Warehouse") + ": Hamburg Main", LineStyle.NORMAL));
        lines.add(TextLine.blank());
        int n = layout.columns().size();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<String> values = new ArrayList<>();
            for (Col c : layout.columns()) {
                values.add(switch (c) {
                    case BIN -> row.bin();
                    case SKU -> row.sku();
                    case DESCRIPTION -> row.description();
                    case BOOK -> String.valueOf(row.book());
                    case COUNTED -> row.counted();
                    case VARIANCE -> row.countedQuantity() == null ? "" : signed(row.countedQuantity() - row.book());
                });
            }
            cells.add(values);
        }
        double[] xs = new double[n];
        double x = 0;
        double[] widths = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int longest = layout.labels().get(i).length();
            for (List<String> r : cells) {
                longest = Math.max(longest, r.get(i).length());
            }
            widths[i] = longest + 3;
            sum += widths[i];
        }
        double scale = Math.min(1.0 / GeneratedDocument.TEXT_WIDTH, 0.98 / sum);
        for (int i = 0; i < n; i++) {
            xs[i] = x;
            x += widths[i] * scale;
        }
        String bar = layout.pipes() ? "| " : "";
        List<String> labels = layout.labels().stream().map(l -> upper(layout, l)).toList();
        lines.add(row(labels, xs, bar, LineStyle.BOLD));
        if (layout.rule() != ' ') {
            lines.add(TextLine.of(String.valueOf(layout.rule()).repeat(GeneratedDocument.TEXT_WIDTH - 8), LineStyle.SMALL));
        }
        for (List<String> r : cells) {
            lines.add(row(r, xs, bar, LineStyle.NORMAL));
        }
        lines.add(TextLine.blank());
        lines.add(TextLine.of("Counted by: J. Berger      Checked by: M. Scholz", LineStyle.NORMAL));
        lines.add(TextLine.of("Enter the counted quantity, do not copy the system quantity.", LineStyle.SMALL));
        return new GeneratedDocument(id, DocumentType.STOCK_COUNT, "stock-count", "test", "Stock Count Sheet",
                CorpusSplit.TRAIN, id.hashCode(), lines);
    }

    /** A clean office scan at 300 dpi. */
    public static BufferedImage scan(GeneratedDocument sheet, String font, double skew) {
        return new DocumentRenderer().render(sheet, new RenderStyle(font, 10f, 300, skew, 0, 0.001, 0.95));
    }

    private static TextLine row(List<String> values, double[] xs, String bar, LineStyle style) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cells.add(new Cell(xs[i], bar + values.get(i)));
        }
        return new TextLine(cells, style);
    }

    private static String upper(Layout layout, String text) {
        return layout.upper() ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }
}
