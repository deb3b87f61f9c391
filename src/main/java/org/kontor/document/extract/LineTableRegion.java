package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.extract.Layout.Row;
import org.springframework.stereotype.Component;

/**
 * Points digitising at a page's line table, found by its column headers in the first reading (two of them are enough
 * here: OCR may have lost the others, which is why the table is read again): from the header row
 * down to the totals below it (or the page bottom when no totals line was read), across the whole page width. Read
 * again as one block, every printed row comes back as one line with all its cells, which automatic segmentation
 * does not promise for narrow number columns.
 */
@Component
public class LineTableRegion implements OcrRegionFinder {

    /** Totals lines (subtotal, tax, total) that may follow one another under the table. */
    private static final int MAX_TOTALS_ROWS = 4;
    private static final Set<Labels.Concept> NUMBER_COLUMNS = Set.of(Labels.Concept.COL_QTY, Labels.Concept.COL_PRICE,
            Labels.Concept.COL_AMOUNT);

    @Override
    public List<Region> regionsToReread(OcrPage page) {
        Layout layout = Layout.of(List.of(page));
        LineTableReader.Table table = new LineTableReader(layout, PurchaseOrderExtractor.decimalConvention(layout)).read(true);
        if (!table.found()) {
            return List.of();
        }
        Row header = table.header();
        int bottom = page.height();
        for (int r = header.index() + 1; r < layout.rows.size(); r++) {
            if (LineTableReader.isTotals(layout.rows.get(r)) && !looksLikeOrderLine(layout.rows.get(r))) {
                int last = r;
                for (int n = r + 1; n < layout.rows.size() && n <= r + MAX_TOTALS_ROWS; n++) {
                    Row next = layout.rows.get(n);
                    if (next.top() - layout.rows.get(n - 1).bottom() > 2 * next.height()) {
                        break;
                    }
                    if (LineTableReader.isTotals(next)) {
                        last = n;
                    }
                }
                Row end = layout.rows.get(last);
                bottom = end.bottom() + end.height();
                break;
            }
        }
        int top = Math.max(0, header.top() - header.height());
        int end = Math.min(page.height(), bottom);
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(0, top, page.width(), end - top));
        for (Strip s : numberStrips(table.columns(), header.height(), page.width())) {
            int stripTop = header.bottom();
            if (s.right() - s.left() >= header.height() && end - stripTop >= header.height()) {
                regions.add(new Region(s.left(), stripTop, s.right() - s.left(), end - stripTop,
                        org.kontor.document.digitise.OcrRegion.Kind.NUMBERS));
            }
        }
        return regions;
    }

    /**
     * A product may be called "Shipping carton", which is also a totals label (shipping costs): a row that starts with
     * an article number or holds three numbers is an order line, not the end of the table.
     */
    static boolean looksLikeOrderLine(Row row) {
        List<String> texts = row.texts();
        long numbers = texts.stream().filter(t -> t.matches(".*\\d.*")).count();
        return !texts.isEmpty() && texts.get(0).matches(".*\\d.*") || numbers >= 3;
    }

    /** The horizontal extent of a number column's strip. */
    record Strip(Labels.Concept concept, int left, int right) {
    }

    /**
     * The quantity, price and amount columns, each as a strip from below the header to the table's end: read with
     * digits only, a number comes back as a number even where the whole row's reading garbled it ("Do" for 55) or
     * dropped it. A strip reaches a little left of its header (numbers are often right-aligned and wider than their
     * header) and stops short of the next column's header.
     */
    static List<Strip> numberStrips(List<LineTableReader.Column> columns, int textHeight, int pageWidth) {
        List<Strip> strips = new ArrayList<>();
        int h = Math.max(10, textHeight);
        for (int i = 0; i < columns.size(); i++) {
            LineTableReader.Column c = columns.get(i);
            if (!NUMBER_COLUMNS.contains(c.concept())) {
                continue;
            }
            int left = Math.max(0, c.x0() - 2 * h);
            if (i > 0) {
                left = Math.max(left, columns.get(i - 1).x1() + h / 2);
            }
            int right = i + 1 < columns.size() ? columns.get(i + 1).x0() - h / 2 : Math.min(pageWidth, c.x1() + 4 * h);
            strips.add(new Strip(c.concept(), left, right));
        }
        return strips;
    }
}
