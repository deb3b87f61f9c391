package org.kontor.document.extract;

import java.util.List;
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

    @Override
    public List<Region> regionsToReread(OcrPage page) {
        Layout layout = Layout.of(List.of(page));
        LineTableReader.Table table = new LineTableReader(layout, PurchaseOrderExtractor.decimalConvention(layout)).read(true);
        if (!table.found()) {
            return List.of();
        }
        Row header = layout.rows.get(table.headerRow());
        int bottom = page.height();
        for (int r = header.index() + 1; r < layout.rows.size(); r++) {
            if (LineTableReader.isTotals(layout.rows.get(r))) {
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
        return List.of(new Region(0, top, page.width(), Math.min(page.height(), bottom) - top));
    }
}
