package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.digitise.Segmentation;

/**
 * A line table found by what its rows hold when its header is lost, garbled or worded in a way Kontor does not know;
 * and the numbers of a row that OCR spoilt, worked out from the others.
 */
class TableByRowsTest {

    private final PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();

    @Test
    void aTableWhoseHeaderRowOcrLostIsReadByItsRowsArithmetic() {
        ExtractedPurchaseOrder po = read(
                "",
                "OF-1001     Copy paper          10      4.95 EUR       49.50 EUR",
                "PK-2050     Void fill paper     3       34.90 EUR      104.70 EUR",
                "                                        Total          154.20 EUR");
        assertThat(po.lines()).extracting(l -> l.sku().value(), l -> l.quantity().value(), l -> l.unitPrice().value())
                .containsExactly(tuple("OF-1001", 10, new BigDecimal("4.95")),
                        tuple("PK-2050", 3, new BigDecimal("34.90")));
        assertThat(po.lines().get(1).description().value()).isEqualTo("Void fill paper");
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(po.poNumber().value()).isEqualTo("PO-2025-0077");
    }

    @Test
    void columnHeadersInWordsKontorDoesNotKnowDoNotHideTheTable() {
        ExtractedPurchaseOrder po = read(
                "Artikel     Bezeichnung         Menge   Preis          Betrag",
                "OF-1001     Copy paper          10      4.95           49.50",
                "PK-2050     Void fill paper     3       34.90          104.70",
                "                                        Total          154.20");
        assertThat(po.lines()).hasSize(2);
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(10);
    }

    @Test
    void aGarbledHeaderThatMisnamesItsColumnsLosesToTheRows() {
        // "UNIT PRICE" read as one unknown word, "PRODUCT" taken for the description column: by the header, the article
        // codes would be description and the prices nobody's
        ExtractedPurchaseOrder po = read(
                "PRODUCT     COBRICE   LINE TOTAL   DESCRIPTION              QTY",
                "BV-5003     6,40      160,00       Tea assortment           25",
                "PK-2050     34,90     3.315,50     Void fill paper          95",
                "                                   ORDER TOTAL: 3.475,50");
        assertThat(po.lines()).extracting(l -> l.sku().value()).containsExactly("BV-5003", "PK-2050");
        assertThat(po.lines()).extracting(l -> l.quantity().value()).containsExactly(25, 95);
        assertThat(po.lines().get(1).unitPrice().value()).isEqualByComparingTo("34.90");
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aTableFoundByItsRowsWithoutATotalToCheckThemIsNotSure() {
        ExtractedPurchaseOrder po = read(
                "",
                "OF-1001     Copy paper          10      4.95           49.50",
                "PK-2050     Void fill paper     3       34.90          104.70");
        assertThat(po.lines()).hasSize(2);
        assertThat(po.linesConfidence()).isLessThan(0.9);
    }

    @Test
    void theNumberWithCentsIsThePriceWhicheverWayRoundTheyMultiply() {
        // 54 x 86 = 86 x 54: only the print tells quantity from price
        ExtractedPurchaseOrder po = read(
                "",
                "WH-4050     54,00     4.644,00     Safety shoes size 43      86",
                "                                   TOTAL: 4.644,00");
        assertThat(po.lines()).hasSize(1);
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(86);
        assertThat(po.lines().get(0).unitPrice().value()).isEqualByComparingTo("54.00");
    }

    @Test
    void wholeNumbersThatMultiplyOutEitherWayRoundAreNoTable() {
        assertThat(columnsPlacedBy("OF-1001     Copy paper          10      5              50",
                "                                        Total          50")).isNull();
    }

    @Test
    void aPaperSizeInADescriptionIsNoQuantity() {
        // 4 x 1.80 = 7.20, but "A4" is a paper size: a row without its quantity places no columns
        assertThat(columnsPlacedBy("OF-1021     Ring binder A4      7.20      1.80",
                "                                Total     7.20")).isNull();
    }

    @Test
    void aTableWithItsHeaderIsStillReadByItsHeader() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           49.50",
                "                                        Total          49.50"));
        Layout layout = Layout.of(List.of(page));
        LineTableReader.Table table = new LineTableReader(layout, NumberParser.Decimal.POINT).read();
        assertThat(table.headerQuality()).isEqualTo(1.0);
        assertThat(layout.rows.get(table.headerRow()).texts()).contains("SKU", "Description");
    }

    @Test
    void aTableWhoseHeaderWasLostIsStillPointedOutToBeReadAgain() {
        OcrPage page = TextPages.page(TextPages.order(
                "",
                "OF-1001     Copy paper          10      4.95           49.50",
                "PK-2050     Void fill paper     3       34.90          104.70",
                "                                        Total          154.20"));
        List<OcrRegionFinder.Region> regions = new LineTableRegion().regionsToReread(page);
        assertThat(regions).filteredOn(r -> !r.digits()).hasSize(1);
        OcrRegionFinder.Region table = regions.stream().filter(r -> !r.digits()).findFirst().orElseThrow();
        assertThat(table.y()).isLessThanOrEqualTo(100 + 6 * 60).isGreaterThan(100 + 4 * 60);
        assertThat(regions).filteredOn(OcrRegionFinder.Region::digits).hasSize(3);
    }

    @Test
    void aPriceOcrSpoiltIsAmountOverQuantityWhenTheGlyphsAgree() {
        assertThat(LineTableReader.derivedPrice("~—-€6. 40", 32, new BigDecimal("204.80")))
                .satisfies(p -> {
                    assertThat(p.value()).isEqualByComparingTo("6.40");
                    assertThat(p.confidence()).isGreaterThanOrEqualTo(0.9);
                });
        assertThat(LineTableReader.derivedPrice("~—-€5. 40", 32, new BigDecimal("204.80")).confidence()).isLessThan(0.9);
        assertThat(LineTableReader.derivedPrice(null, 32, new BigDecimal("204.80")).confidence()).isLessThan(0.9);
        // 100.00 / 3 is no price in cents
        assertThat(LineTableReader.derivedPrice("33.3", 3, new BigDecimal("100.00"))).isNull();
    }

    @Test
    void aWorkedOutPriceIsSureOnlyWhenTheAmountsAddUpAndItsGlyphsAgree() {
        ExtractedPurchaseOrder agree = read(
                "SKU         Description         Qty     Unit Price     Amount",
                "BV-5003     Tea assortment      32      ~—-€6._40      204.80",
                "PK-2050     Void fill paper     3       34.90          104.70",
                "                                        Total          309.50");
        assertThat(agree.lines().get(0).unitPrice().value()).isEqualByComparingTo("6.40");
        assertThat(agree.linesConfidence()).isGreaterThanOrEqualTo(0.9);

        ExtractedPurchaseOrder unreadable = read(
                "SKU         Description         Qty     Unit Price     Amount",
                "BV-5003     Tea assortment      32      ~—-€",
                "                                                       204.80",
                "PK-2050     Void fill paper     3       34.90          104.70",
                "                                        Total          309.50");
        assertThat(unreadable.linesConfidence()).isLessThan(0.9);
    }

    @Test
    void aRowTheFirstReadingBoxedOffItsPlaceGivesWayToItsSecondReading() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "",
                "PK-2050     Void fill paper     3       34.90          104.70",
                "                                        Total          104.70"));
        // the first reading's row 6: one tall box from above its row down into it, garbled and barely sure
        List<OcrWord> words = new ArrayList<>(page.words().stream().filter(w -> w.line() != 7).toList());
        words.add(new OcrWord("or-2050", 11, 100, 100 + 7 * 60 - 35, 300, 75, 6, 0));
        words.add(new OcrWord("1O4.7O", 0, 100 + 55 * TextPages.CHAR, 100 + 7 * 60 - 35, 150, 75, 6, 0));
        OcrPage first = new OcrPage(page.width(), page.height(), page.text(), words, page.meanConfidence());
        List<OcrWord> again = page.words().stream().filter(w -> w.line() >= 5)
                .map(w -> new OcrWord(w.text(), w.confidence(), w.x(), w.y(), w.w(), w.h(), w.line() - 5, 0)).toList();
        OcrRegion region = new OcrRegion(0, 100 + 5 * 60 - 10, page.width(), 4 * 60, Segmentation.BLOCK, again);

        List<OcrWord> merged = PurchaseOrderExtractor.withRereads(List.of(first.withRereads(List.of(region)))).get(0).words();
        assertThat(merged).extracting(OcrWord::text).doesNotContain("or-2050", "1O4.7O").contains("PK-2050");
        ExtractedPurchaseOrder po = extractor.extract(List.of(first.withRereads(List.of(region))));
        assertThat(po.lines()).extracting(l -> l.sku().value()).containsExactly("PK-2050");
    }

    @Test
    void aRowsHeightIsItsWordsNotTheSpecksBesideThem() {
        List<OcrWord> row = List.of(new OcrWord("e", 0, 203, 1963, 2, 2, 0, 0), new OcrWord("pcs", 96, 1278, 1953, 69, 26, 0, 0),
                new OcrWord(":", 70, 2364, 1952, 2, 2, 0, 0));
        assertThat(OcrPage.typicalHeight(row)).isEqualTo(26);
    }

    /** The purchase order whose table is these lines, as the extractor reads it. */
    private ExtractedPurchaseOrder read(String... table) {
        return extractor.extract(List.of(TextPages.page(TextPages.order(table))));
    }

    private static ColumnInference.Inferred columnsPlacedBy(String... rows) {
        String[] table = new String[rows.length + 1];
        table[0] = "";
        System.arraycopy(rows, 0, table, 1, rows.length);
        return ColumnInference.infer(Layout.of(List.of(TextPages.page(TextPages.order(table)))), NumberParser.Decimal.POINT);
    }
}
