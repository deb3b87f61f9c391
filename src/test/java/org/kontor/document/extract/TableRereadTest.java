package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.digitise.Segmentation;

/** The line table read a second time: where it is, and which reading the extractor keeps. */
class TableRereadTest {

    private final PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();

    @Test
    void theRegionSpansTheTableFromItsHeaderRowToTheTotals() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           49.50",
                "                                        Total          49.50",
                "",
                "",
                "Terms: 30 days net."));
        List<OcrRegionFinder.Region> regions = new LineTableRegion().regionsToReread(page);
        assertThat(regions).filteredOn(x -> !x.digits()).hasSize(1);
        OcrRegionFinder.Region r = regions.get(0);
        int headerTop = 100 + 5 * 60;
        int totalsBottom = 100 + 7 * 60 + 40;
        assertThat(r.y()).isLessThanOrEqualTo(headerTop).isGreaterThan(headerTop - 60);
        assertThat(r.y() + r.h()).isGreaterThanOrEqualTo(totalsBottom).isLessThan(100 + 9 * 60);
        assertThat(r.x()).isZero();
        assertThat(r.w()).isEqualTo(page.width());
    }

    @Test
    void aProductNamedLikeATotalsLineDoesNotEndTheRegion() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "PK-2001     Shipping carton     8       21.00          168.00",
                "OF-1001     Copy paper          10      4.95           49.50",
                "                                        Total          217.50"));
        OcrRegionFinder.Region r = new LineTableRegion().regionsToReread(page).get(0);
        assertThat(r.y() + r.h()).isGreaterThanOrEqualTo(100 + 8 * 60 + 40);
    }

    @Test
    void aPageWithoutALineTableIsNotReadAgain() {
        OcrPage page = TextPages.page("Minutes of the weekly meeting", "Attendees: Anna, Tom");
        assertThat(new LineTableRegion().regionsToReread(page)).isEmpty();
    }

    @Test
    void theRereadTableIsKeptWhenItIsCompleteAndAddsUp() {
        // the first reading lost the quantity of the first row (a narrow column dropped by page segmentation)
        OcrPage first = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper                  4.95           49.50",
                "OF-1010     Pens                2       18.90          37.80",
                "                                        Total          87.30"));
        OcrPage again = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           49.50",
                "OF-1010     Pens                2       18.90          37.80",
                "                                        Total          87.30"));
        ExtractedPurchaseOrder firstOnly = extractor.extract(List.of(first));
        assertThat(firstOnly.linesConfidence()).isLessThan(0.9);

        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.withTableReadAgain(first, again, 5)));
        assertThat(po.lines()).hasSize(2);
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(10);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(po.poNumber().value()).isEqualTo("PO-2025-0077");
    }

    @Test
    void twoConfidentReadingsThatDisagreeAreUnsure() {
        OcrPage first = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           49.50",
                "                                        Total          49.50"));
        OcrPage again = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1007     Copy paper          10      4.95           49.50",
                "                                        Total          49.50"));
        assertThat(extractor.extract(List.of(first)).linesConfidence()).isGreaterThanOrEqualTo(0.9);
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.withTableReadAgain(first, again, 5)));
        assertThat(po.linesConfidence()).isLessThan(0.9);
        assertThat(po.unsureFields(0.9)).contains("lines");
    }

    @Test
    void theNumberColumnsArePointedOutToBeReadDigitsOnly() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           49.50",
                "                                        Total          49.50"));
        List<OcrRegionFinder.Region> strips = new LineTableRegion().regionsToReread(page).stream()
                .filter(OcrRegionFinder.Region::digits).toList();
        assertThat(strips).hasSize(3);
        // each strip holds its column's values (x of "10", "4.95", "49.50") and not the SKU or description
        int[] valueX = {100 + 32 * TextPages.CHAR, 100 + 40 * TextPages.CHAR, 100 + 55 * TextPages.CHAR};
        for (int i = 0; i < 3; i++) {
            OcrRegionFinder.Region s = strips.get(i);
            assertThat(valueX[i]).isBetween(s.x(), s.x() + s.w());
            assertThat(s.x()).isGreaterThan(100 + 28 * TextPages.CHAR);
            assertThat(s.y()).isGreaterThanOrEqualTo(100 + 5 * 60);
        }
    }

    @Test
    void aCellTheRowsReadingGarbledIsTakenFromItsColumnReadDigitsOnlyWhenTheRowThenMultipliesOut() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "WH-4040     Thermal labels      Do      12.80          704.00",
                "OF-1010     Pens                2       18.90          37.80",
                "                                        Total          741.80"));
        ExtractedPurchaseOrder garbled = extractor.extract(List.of(page));
        assertThat(garbled.lines().get(0).quantity().confidence()).isLessThan(0.9);

        ExtractedPurchaseOrder po = extractor.extract(List.of(withNumberColumn(page, 32, "55", 6)));
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(55);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
        // a column reading that does not multiply out either settles nothing
        ExtractedPurchaseOrder still = extractor.extract(List.of(withNumberColumn(page, 32, "56", 6)));
        assertThat(still.linesConfidence()).isLessThan(0.9);
    }

    /** The page with a digits-only reading of a quantity column: {@code text} at character column {@code col}, row {@code line}. */
    private static OcrPage withNumberColumn(OcrPage page, int col, String text, int line) {
        int x = 100 + col * TextPages.CHAR;
        OcrWord w = new OcrWord(text, 90, x, 100 + line * 60, text.length() * TextPages.CHAR, 40, 0, 0);
        OcrRegion strip = new OcrRegion(x - 60, 100 + 5 * 60 + 40, 200, 400, Segmentation.BLOCK, List.of(w),
                OcrRegion.Kind.NUMBERS);
        return page.withRereads(List.of(strip));
    }

}
