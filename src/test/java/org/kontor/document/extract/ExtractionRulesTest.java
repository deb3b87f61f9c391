package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extraction rules on hand-written OCR results (see {@link TextPages}): fast, and exact about geometry. */
class ExtractionRulesTest {

    private final PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();

    @Test
    void twoColumnHeaderKeepsEachValueWithItsLabel() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PURCHASE ORDER",
                "PO Number:    PO-2025-0077         Customer No.:   C-10002",
                "Order Date:   2025-03-15           Deliver by:     2025-03-20")));
        assertThat(po.poNumber().value()).isEqualTo("PO-2025-0077");
        assertThat(po.customerNumber().value()).isEqualTo("C-10002");
        assertThat(po.orderDate().value()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(po.requestedDeliveryDate().value()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(po.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void anEmptyLeftValueIsNotTakenFromTheRightBlock() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number:                         Customer No.:   C-10002",
                "Order Date:   2025-03-15")));
        assertThat(po.poNumber().value()).isNull();
        assertThat(po.unsureFields(0.9)).contains("poNumber");
        assertThat(po.customerNumber().value()).isEqualTo("C-10002");
    }

    @Test
    void labelsInARowWithValuesUnderneath() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO #          CUSTOMER NUMBER     DATE",
                "4500123456    C-10003             14.02.2026")));
        assertThat(po.poNumber().value()).isEqualTo("4500123456");
        assertThat(po.customerNumber().value()).isEqualTo("C-10003");
        assertThat(po.orderDate().value()).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void tableColumnsInAnyOrderWithWrappedDescriptionsAndCommaDecimals() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "Amount        Qty    Article No.   Item description         Price each",
                "49,50 EUR     10     OF-1001       Copy paper A4 80g,       4,95 EUR",
                "                                   500 sheets",
                "37,80 EUR     2      OF1010        Ballpoint pen blue       18,90 EUR",
                "                                              Grand total   87,30 EUR")));
        assertThat(po.lines()).hasSize(2);
        ExtractedLine first = po.lines().get(0);
        assertThat(first.sku().value()).isEqualTo("OF-1001");
        assertThat(first.description().value()).isEqualTo("Copy paper A4 80g, 500 sheets");
        assertThat(first.quantity().value()).isEqualTo(10);
        assertThat(first.unitPrice().value()).isEqualByComparingTo("4.95");
        // printed without its hyphen; the other SKU on the page shows the shape
        assertThat(po.lines().get(1).sku().value()).isEqualTo("OF-1010");
        assertThat(po.total().value()).isEqualByComparingTo("87.30");
        assertThat(po.total().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aRowThatDoesNotMultiplyOutStaysUnsureEvenWhenTheAmountsAddUp() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      495            49.50",
                "OF-1010     Pens                2       18.90          37.80",
                "                                        Total          87.30")));
        ExtractedLine misread = po.lines().get(0);
        assertThat(misread.unitPrice().confidence()).isLessThan(0.9);
        assertThat(po.linesConfidence()).isLessThan(0.9);
        assertThat(po.lines().get(1).unitPrice().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void linesThatDoNotAddUpToTheTotalAreUnsure() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Qty     Price     Total",
                "OF-1001     10      4.95      49.50",
                "                    Total     99.50")));
        assertThat(po.total().confidence()).isLessThanOrEqualTo(0.5);
        assertThat(po.unsureFields(0.9)).contains("total", "lines");
    }

    @Test
    void aDecimalPointReadAsAColonIsRepairedButNotTrusted() {
        assertThat(NumberParser.parse("17:90", NumberParser.Decimal.POINT).value()).isEqualByComparingTo("17.90");
        assertThat(NumberParser.parse("17:90", NumberParser.Decimal.POINT).ocrRepaired()).isTrue();
    }

    @Test
    void anEszettTheEnglishModelCannotReadIsGivenBack() {
        assertThat(PurchaseOrderExtractor.straße("Osterstrae 112")).isEqualTo("Osterstraße 112");
        assertThat(PurchaseOrderExtractor.straße("Hammer Landstraffe 55")).isEqualTo("Hammer Landstraße 55");
        assertThat(PurchaseOrderExtractor.straße("Wandsbeker MarktstraRe 73")).isEqualTo("Wandsbeker Marktstraße 73");
        assertThat(PurchaseOrderExtractor.straße("Schanzenstrave 82")).isEqualTo("Schanzenstraße 82");
        assertThat(PurchaseOrderExtractor.straße("Billstedter Hauptstrasse 68")).isEqualTo("Billstedter Hauptstrasse 68");
        assertThat(PurchaseOrderExtractor.straße("Straße 1")).isEqualTo("Straße 1");
    }

    @Test
    void aMisreadAmountDoesNotMatterWhenQuantitiesTimesPricesAddUpToTheTotal() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Description         Qty     Unit Price     Amount",
                "OF-1001     Copy paper          10      4.95           ].9,50",
                "OF-1010     Pens                2       18.90          37.80",
                "                                        Total          87.30")));
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(10);
        assertThat(po.total().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void anUnreadableQuantityIsWorkedOutFromAmountAndPriceButTrustedOnlyWhenTheGlyphAgrees() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Description         Qty     Unit Price     Amount",
                "WH-4002     Blades              S)      3.90           19.50",
                "PK-2011     Tape dispenser              11.90          59.50",
                "                                        Total          79.00")));
        ExtractedLine glyph = po.lines().get(0);
        ExtractedLine empty = po.lines().get(1);
        assertThat(glyph.quantity().value()).isEqualTo(5);
        assertThat(glyph.quantity().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(empty.quantity().value()).isEqualTo(5);
        // nothing was read there: amount / price multiply out by construction, so a clerk confirms
        assertThat(empty.quantity().confidence()).isLessThan(0.9);
        assertThat(po.unsureFields(0.9)).contains("lines");
        // unless the price list gives that SKU that price: the amounts add up to the total, the price is the listed one,
        // so amount / price is the quantity
        assertThat(po.unsureFields(0.9, l -> false, p -> false, l -> l.sku().value().equals("PK-2011")))
                .doesNotContain("lines");
        assertThat(po.unsureFields(0.9, l -> false, p -> false, l -> l.sku().value().equals("WH-4002")))
                .contains("lines");
    }

    @Test
    void aPriceListVouchesForWorkedOutQuantitiesOnlyWhereTheAmountsAddUp() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Description         Qty     Unit Price     Amount",
                "WH-4002     Blades              5       3.90           19.50",
                "PK-2011     Tape dispenser              11.90          59.50",
                "                                        Total          99.00")));
        assertThat(po.unsureFields(0.9, l -> true, p -> true, l -> true)).contains("lines");
    }

    @Test
    void quantityGlyphsOcrConfusesWithDigitsAgreeWithTheRowsArithmetic() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU         Description         Qty     Unit Price     Amount",
                "PK-2030     Stretch film        ]       14.60          14.60",
                "CL-3021     Nitrile gloves L    Al      8.95           366.95",
                "                                        Total          381.55")));
        assertThat(po.lines()).extracting(l -> l.quantity().value()).containsExactly(1, 41);
        assertThat(po.lines()).allMatch(l -> l.quantity().confidence() >= 0.9);
    }

    @Test
    void aHyphenReadAsATildeOrAnEqualsSignIsAHyphen() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Description       Qty   Unit Price   Amount",
                "BV~5002   Coffee beans      121   15.90        1923.90",
                "CL=3011   Dishwasher tabs   70    17.90        1253.00",
                "                                  Total        3176.90")));
        assertThat(po.lines()).extracting(l -> l.sku().value()).containsExactly("BV-5002", "CL-3011");
    }

    @Test
    void aQuantityHeaderReadWithAnOForItsQIsTheQuantityColumn() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "Item No.    Amount      Price     Description            Oty",
                "CL-3002     1,310.40    31.20     Toilet paper 3-ply     42",
                "                                  Total                  1,310.40")));
        assertThat(po.lines()).hasSize(1);
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(42);
        assertThat(po.lines().get(0).quantity().raw()).isEqualTo("42");
    }

    @Test
    void aSpeckBesideAValueDoesNotMakeItDoubtful() {
        List<Layout.Word> words = List.of(new Layout.Word("9", 96, 0, 0, 20, 40), new Layout.Word("Feb", 96, 30, 0, 60, 40),
                new Layout.Word("2026", 90, 100, 0, 80, 40), new Layout.Word("|", 40, 200, 0, 5, 40));
        assertThat(Confidence.minOfValue(words)).isEqualTo(90);
        assertThat(Confidence.minOfValue(List.of(new Layout.Word("|", 40, 200, 0, 5, 40)))).isEqualTo(40);
    }

    @Test
    void aTableWithoutAQuantityColumnHasAmountOverUnitPrice() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "Item No.    Amount       Unit Price    Product",
                "OF-1001     49,50        4,95          Copy paper A4 80g, 500 sheets",
                "WH-4010     16.020,00    89,00         Hand truck 200 kg",
                "                         Total:        16.069,50")));
        assertThat(po.lines()).extracting(l -> l.quantity().value()).containsExactly(10, 180);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void withoutAQuantityColumnAPoorlyReadPriceKeepsTheQuantityDoubtful() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(60f,
                "PO Number: PO-1",
                "Item No.    Amount       Unit Price    Product",
                "OF-1001     49,50        4,95          Copy paper A4 80g, 500 sheets",
                "                         Total:        49,50")));
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(10);
        assertThat(po.linesConfidence()).isLessThan(0.9);
    }

    @Test
    void aDescriptionRunningOnIntoTheQuantityIsCutOffByTheRowsArithmetic() {
        // "bundle of 25" and the quantity 1 beside it, read as one word "251" reaching left out of the Qty column
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU       Description                 Qty   Unit Price   Amount",
                "PK-2001   Shipping carton bundle of 251    21.00        21.00",
                "OF-1001   Copy paper                  10   4.95         49.50",
                "                                           Total        70.50")));
        ExtractedLine carton = po.lines().get(0);
        assertThat(carton.quantity().value()).isEqualTo(1);
        assertThat(carton.quantity().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aQuantityInsideItsColumnIsNotCutEvenWhenItDoesNotMultiplyOut() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "PO Number: PO-1",
                "SKU       Description                Qty   Unit Price   Amount",
                "PK-2001   Shipping carton            251   21.00        21.00",
                "                                           Total        21.00")));
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(251);
        assertThat(po.linesConfidence()).isLessThan(0.9);
    }

    @Test
    void aPoPrefixReadWithAZeroIsTrustedOnlyWhenTheDigitsAfterItCannotHoldTheO() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page("PO Number:   P0351260")));
        assertThat(po.poNumber().value()).isEqualTo("PO351260");
        assertThat(po.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
        // "P00643895": the printed number may be PO0643895 or PO643895 with the O read twice; a clerk decides
        ExtractedPurchaseOrder doubled = extractor.extract(List.of(TextPages.page("PO Number:   P00643895")));
        assertThat(doubled.poNumber().confidence()).isLessThan(0.9);
        ExtractedPurchaseOrder shortNumber = extractor.extract(List.of(TextPages.page("PO Number:   P0351")));
        assertThat(shortNumber.poNumber().confidence()).isLessThan(0.9);
    }

    @Test
    void aSkuWithADigitWhereTheDocumentsShapeHasALetterGetsTheLetterButNoTrust() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Description            Qty   Unit Price   Amount",
                "PK-2001   Shipping carton        2     21.00        42.00",
                "0F1010    Ballpoint pen blue     1     18.90        18.90",
                "WH-4010   Hand truck             1     89.00        89.00",
                "                                       Total        149.90")));
        ExtractedLine pen = po.lines().get(1);
        assertThat(pen.sku().value()).isEqualTo("OF-1010");
        assertThat(pen.sku().confidence()).isLessThan(0.9);
        assertThat(pen.confidenceBesideSku()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aSpeckUnderAnotherColumnDoesNotEndTheTableAtAWrappedDescription() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Unit Price   Description           Amount     Qty",
                "CL-3001   27.40        Paper towels 2-ply    548.00     20",
                "          ‘            rolls",
                "OF-1040   7.80         Sticky notes          62.40      8",
                "                                   Total     610.40")));
        assertThat(po.lines()).extracting(l -> l.sku().value()).containsExactly("CL-3001", "OF-1040");
        assertThat(po.lines().get(0).description().value()).isEqualTo("Paper towels 2-ply rolls");
    }

    @Test
    void aProductCalledShippingWithAnUnreadableQuantityIsStillAnOrderLine() {
        // "Shipping" is also a totals label; an article code in the SKU column says this row is a line
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Unit Price   Description        Amount     Qty",
                "WH-4030   64.50        Barcode scanner    258.00     4",
                "PK-2001   21.00        Shipping carton    21.00      ]",
                "                                Total     279.00")));
        assertThat(po.lines()).extracting(l -> l.sku().value()).containsExactly("WH-4030", "PK-2001");
        assertThat(po.lines().get(1).quantity().value()).isEqualTo(1);
        assertThat(po.total().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aWrappedDescriptionWhoseNumberReachesUnderTheQuantityIsNoOrderLine() {
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Description                 Qty   Unit Price   Amount",
                "PK-2001   Shipping carton             3     21.00        63.00",
                "          305x215x140, bundle of     25",
                "OF-1001   Copy paper                  10    4.95         49.50",
                "                                            Total        112.50")));
        assertThat(po.lines()).hasSize(2);
        assertThat(po.lines().get(0).description().value()).isEqualTo("Shipping carton 305x215x140, bundle of 25");
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aQuantityThatCameWithThePriceBecauseItsHeaderWasLostIsSplitOffByTheArithmetic() {
        // the header "Unit Price Qty" read as "Unit PRICQTY": one price column holding price and quantity
        ExtractedPurchaseOrder po = extractor.extract(List.of(TextPages.page(
                "SKU       Unit PRICQTY      Product                  Amount",
                "CL-3011   17,90 EUR 75      Dishwasher tabs          1.342,50",
                "OF-1030   24,50 EUR 10      Stapler heavy duty       245,00",
                "                            Total:                   1.587,50")));
        assertThat(po.lines()).extracting(l -> l.quantity().value()).containsExactly(75, 10);
        assertThat(po.lines()).extracting(l -> l.unitPrice().value().toPlainString()).containsExactly("17.90", "24.50");
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }
}
