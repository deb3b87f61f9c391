package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.extract.DateParser.SlashOrder;

/** Deciding between readings of one page: which line table to keep, and which order its slash dates are in. */
class ReadingChoiceTest {

    @Test
    void twoAmbiguousSlashDatesTakeTheOrderThatPutsTheDeliveryAfterTheOrder() {
        // day first, 2 August is ordered for 3 June: not a reading, so the page writes months first
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("02/08/2025", "03/06/2025")).isEqualTo(SlashOrder.MONTH_FIRST);
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("08/02/2025", "06/03/2025")).isEqualTo(SlashOrder.DAY_FIRST);
        // 1 to 12 April, or 4 January to 4 December: a delivery weeks after the order is the reading to take
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("04/01/2025", "04/12/2025")).isEqualTo(SlashOrder.MONTH_FIRST);
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("02/03/2025", "10/03/2025")).isEqualTo(SlashOrder.DAY_FIRST);
        // 5 March to 6 April, or 3 May to 4 June: both are orders, a clerk decides; so for weeks against four months
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("05/03/2025", "06/04/2025")).isNull();
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("01/02/2025", "05/03/2025")).isNull();
        // only one of them ambiguous, or a date missing: nothing to weigh
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("02/08/2025", "2025-06-03")).isNull();
        assertThat(PurchaseOrderExtractor.conventionByDateOrder("02/08/2025", null)).isNull();
    }

    @Test
    void aReadingThatLostTheTotalDoesNotDoubtOneWhoseRowsAddUp() {
        ExtractedPurchaseOrder checked = order(new BigDecimal("83.40"), 0.95, line("PK-2011", 6, "11.90"),
                line("CL-3002", 5, "31.20"));
        ExtractedPurchaseOrder lostRowAndTotal = order(null, 0.8, line("CL-3002", 5, "31.20"));
        assertThat(PurchaseOrderExtractor.choose(checked, lostRowAndTotal).linesConfidence()).isEqualTo(0.95);
        // a reading that has its own total and other rows is a real disagreement
        ExtractedPurchaseOrder otherRows = order(new BigDecimal("83.40"), 0.9, line("PK-2011", 6, "11.90"),
                line("CL-3002", 4, "31.20"));
        assertThat(PurchaseOrderExtractor.choose(checked, otherRows).linesConfidence()).isLessThan(0.9);
    }

    @Test
    void theReadingWhoseNumbersAreSurerIsKeptOverOneWhoseSkusAre() {
        // the catalogue can vouch for a SKU read with little confidence; nothing but the page vouches for a quantity
        ExtractedPurchaseOrder numbersSure = order(new BigDecimal("71.40"), 0.45, 0.97, line("PK-2011", 6, "11.90"));
        ExtractedPurchaseOrder skusSure = order(new BigDecimal("71.40"), 0.88, 0.88, line("PK-2011", 6, "11.90"));
        assertThat(PurchaseOrderExtractor.choose(numbersSure, skusSure)).isSameAs(numbersSure);
        assertThat(PurchaseOrderExtractor.choose(skusSure, numbersSure)).isSameAs(numbersSure);
        // numbers as sure: the surer SKUs decide
        ExtractedPurchaseOrder both = order(new BigDecimal("71.40"), 0.97, 0.97, line("PK-2011", 6, "11.90"));
        assertThat(PurchaseOrderExtractor.choose(numbersSure, both)).isSameAs(both);
    }

    @Test
    void aTableReadAgainWithItsTotalsLineGarbledKeepsThePagesTotal() {
        OcrPage page = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "PK-2002     Shipping carton     BS      29.50          1,622.50",
                "                                        Order Total    1,622.50"));
        // read again, the quantity comes back and the totals line is lost in noise
        OcrPage again = TextPages.page(TextPages.order(
                "SKU         Description         Qty     Unit Price     Amount",
                "PK-2002     Shipping carton     55      29.50          1,622.50",
                "                                        OrderTotal     =—i(iti‘s~CS™"));
        ExtractedPurchaseOrder po = new PurchaseOrderExtractor().extract(List.of(TextPages.withTableReadAgain(page, again, 5)));
        assertThat(po.lines().get(0).quantity().value()).isEqualTo(55);
        assertThat(po.total().value()).isEqualByComparingTo("1622.50");
        assertThat(po.linesConfidence()).isGreaterThanOrEqualTo(0.9);
    }

    private static ExtractedLine line(String sku, int qty, String price) {
        BigDecimal p = new BigDecimal(price);
        return new ExtractedLine(new ExtractedField<>(sku, 1, sku), new ExtractedField<>("", 1, ""),
                new ExtractedField<>(qty, 1, "" + qty), new ExtractedField<>(p, 1, price),
                new ExtractedField<>(p.multiply(BigDecimal.valueOf(qty)), 1, null));
    }

    private static ExtractedPurchaseOrder order(BigDecimal total, double linesConfidence, ExtractedLine... lines) {
        return order(total, linesConfidence, linesConfidence, lines);
    }

    private static ExtractedPurchaseOrder order(BigDecimal total, double linesConfidence, double besideSkus,
            ExtractedLine... lines) {
        ExtractedField<String> none = ExtractedField.missing(0);
        return new ExtractedPurchaseOrder(none, none, none, ExtractedField.missing(0), ExtractedField.missing(0), none,
                total == null ? ExtractedField.missing(0) : new ExtractedField<>(total, 0.98, total.toPlainString()),
                List.of(lines), linesConfidence, besideSkus);
    }
}
