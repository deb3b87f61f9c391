package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateParserTest {

    private static final LocalDate MARCH_15 = LocalDate.of(2025, 3, 15);

    @Test
    void readsEveryUnambiguousFormat() {
        for (String text : List.of("2025-03-15", "15.03.2025", "15 Mar 2025", "15 March 2025", "Mar 15, 2025",
                "March 15, 2025", "15-Mar-2025", "03/15/2025", "15/03/2025", "15th March 2025", "Sept 15, 2025")) {
            DateParser.Parsed p = DateParser.parse(text);
            LocalDate expected = text.startsWith("Sept") ? LocalDate.of(2025, 9, 15) : MARCH_15;
            assertThat(p).as(text).isNotNull();
            assertThat(p.date()).as(text).isEqualTo(expected);
            assertThat(p.ambiguous()).as(text).isFalse();
        }
    }

    @Test
    void aSlashDateWithAPartAboveTwelveSaysWhichConventionTheDocumentUses() {
        assertThat(DateParser.parse("03/15/2025").evidence()).isEqualTo(DateParser.SlashOrder.MONTH_FIRST);
        assertThat(DateParser.parse("15/03/2025").evidence()).isEqualTo(DateParser.SlashOrder.DAY_FIRST);
    }

    @Test
    void aSlashDateWithBothPartsUpToTwelveIsAmbiguous() {
        DateParser.Parsed p = DateParser.parse("03/04/2025");
        assertThat(p.ambiguous()).isTrue();
        assertThat(p.date()).isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(p.monthFirst()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(DateParser.parse("04/04/2025").ambiguous()).isFalse();
    }

    @Test
    void digitsMisreadAsLettersAreRepairedButMarked() {
        DateParser.Parsed p = DateParser.parse("2O25-03-l5");
        assertThat(p.date()).isEqualTo(MARCH_15);
        assertThat(p.ocrRepaired()).isTrue();
        assertThat(DateParser.parse("0ct 1, 2025").date()).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void nonsenseIsNoDate() {
        assertThat(DateParser.parse("PO-2025-00417")).isNull();
        assertThat(DateParser.parse("31.02.2025")).isNull();
        assertThat(DateParser.parse("Hamburg")).isNull();
    }

    @Test
    void anAmbiguousOrderDateGetsLowConfidenceUnlessAnotherDateDecides() {
        PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();
        ExtractedPurchaseOrder alone = extractor.extract(List.of(TextPages.page(
                "PURCHASE ORDER",
                "PO Number: PO-2025-00417",
                "Order Date: 03/04/2025")));
        assertThat(alone.orderDate().value()).isNotNull();
        assertThat(alone.orderDate().confidence()).isLessThan(0.5);
        assertThat(alone.unsureFields(0.9)).contains("orderDate");

        ExtractedPurchaseOrder decided = extractor.extract(List.of(TextPages.page(
                "PURCHASE ORDER",
                "PO Number: PO-2025-00417",
                "Order Date: 03/04/2025",
                "Deliver by: 03/19/2025")));
        assertThat(decided.orderDate().value()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(decided.orderDate().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(decided.requestedDeliveryDate().value()).isEqualTo(LocalDate.of(2025, 3, 19));
    }
}
