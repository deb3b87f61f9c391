package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.digitise.Segmentation;

/** Header values read a second time on their own: which regions, and what agreement of the readings is worth. */
class HeaderValueRereadTest {

    private final PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();

    @Test
    void theValuesOfPoNumberAndDatesArePointedOutNotTheirLabels() {
        OcrPage page = TextPages.page(
                "PURCHASE ORDER",
                "PO Number:    PO-2025-0077         Customer No.:   C-10002",
                "Order Date:   2025-03-15           Deliver by:     2025-03-20");
        List<OcrRegionFinder.Region> regions = new HeaderValueRegion().regionsToReread(page);
        assertThat(regions).hasSize(3).allMatch(r -> r.kind() == OcrRegion.Kind.FIELD);
        OcrRegionFinder.Region po = regions.get(0);
        int valueX = 100 + 14 * TextPages.CHAR;
        assertThat(po.x()).isLessThanOrEqualTo(valueX).isGreaterThan(100 + 11 * TextPages.CHAR);
        assertThat(po.x() + po.w()).isGreaterThanOrEqualTo(valueX + 12 * TextPages.CHAR)
                .isLessThan(100 + 36 * TextPages.CHAR);
        assertThat(po.y()).isLessThanOrEqualTo(160).isGreaterThan(100);
    }

    @Test
    void aPoNumberReadWithLowWordConfidenceIsSureWhenItsSecondReadingIsTheSame() {
        OcrPage page = TextPages.page(60f, "PO Number:    PO-2025-0077");
        assertThat(extractor.extract(List.of(page)).poNumber().confidence()).isLessThan(0.9);

        ExtractedPurchaseOrder same = extractor.extract(List.of(readAgain(page, 0, 14, "PO-2025-0077")));
        assertThat(same.poNumber().value()).isEqualTo("PO-2025-0077");
        assertThat(same.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);

        ExtractedPurchaseOrder other = extractor.extract(List.of(readAgain(page, 0, 14, "PO-2025-0071")));
        assertThat(other.poNumber().value()).isEqualTo("PO-2025-0077");
        assertThat(other.poNumber().confidence()).isLessThan(0.9);
    }

    @Test
    void aPoNumberSplitAtItsHyphenIsOneTokenWhenReadAgainAlone() {
        OcrPage page = TextPages.page(60f, "PO Number:    PO - 2026-87259");
        ExtractedPurchaseOrder po = extractor.extract(List.of(readAgain(page, 0, 14, "PO-2026-87259")));
        assertThat(po.poNumber().value()).isEqualTo("PO-2026-87259");
        assertThat(po.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aConfidentPageReadingIsDoubtfulWhenTheValueReadAloneIsAnotherNumber() {
        // "PQ647810" read with a good word confidence on the page, "PO647810" when read alone: one of them is wrong
        OcrPage page = TextPages.page(95f, "PO Number:    PQ647810");
        assertThat(extractor.extract(List.of(page)).poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
        ExtractedPurchaseOrder po = extractor.extract(List.of(readAgain(page, 0, 14, "PO647810")));
        assertThat(po.poNumber().confidence()).isLessThan(0.9);
    }

    @Test
    void aNumberThePageSplitAtAGapIsJoinedWhenItsReadingAloneHasNoGap() {
        OcrPage page = TextPages.page(95f, "PO Number:    PO-2026-7  1859");
        assertThat(extractor.extract(List.of(page)).poNumber().value()).isEqualTo("PO-2026-7");
        ExtractedPurchaseOrder po = extractor.extract(List.of(readAgain(page, 0, 14, "PO-2026-71859")));
        assertThat(po.poNumber().value()).isEqualTo("PO-2026-71859");
        assertThat(po.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aDateReadWithLowWordConfidenceIsSureWhenItsSecondReadingIsTheSameDate() {
        OcrPage page = TextPages.page(60f, "Order Date:   15.03.2025");
        assertThat(extractor.extract(List.of(page)).orderDate().confidence()).isLessThan(0.9);
        ExtractedPurchaseOrder po = extractor.extract(List.of(readAgain(page, 0, 14, "15.03.2025")));
        assertThat(po.orderDate().value()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(po.orderDate().confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(extractor.extract(List.of(readAgain(page, 0, 14, "16.03.2025"))).orderDate().confidence())
                .isLessThan(0.9);
    }

    @Test
    void theCropStopsHalfWayToTheLabelBesideTheValue() {
        // a label's colon one space before the value came back glued to it ("-ORD-97131") when the crop reached it
        OcrPage page = TextPages.page("PO #: ORD-57146");
        OcrRegionFinder.Region po = new HeaderValueRegion().regionsToReread(page).get(0);
        int colonRight = 100 + 5 * TextPages.CHAR;
        int valueX = 100 + 6 * TextPages.CHAR;
        assertThat(po.x()).isGreaterThanOrEqualTo(colonRight).isLessThanOrEqualTo(valueX);
    }

    @Test
    void aLeadingHyphenOfTheSecondReadingIsTheLabelsEdgeNotPartOfTheNumber() {
        OcrPage page = TextPages.page(60f, "PO Number:    ORD-97131");
        ExtractedPurchaseOrder po = extractor.extract(List.of(readAgain(page, 0, 14, "-ORD-97131")));
        assertThat(po.poNumber().value()).isEqualTo("ORD-97131");
        assertThat(po.poNumber().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void twoModeratelySureReadingsThatAgreeAreSureTwoUnsureOnesAreNot() {
        OcrPage page = TextPages.page(65f, "PO Number:    PO879399");
        assertThat(extractor.extract(List.of(page)).poNumber().confidence()).isLessThan(0.9);
        assertThat(extractor.extract(List.of(readAgain(page, 0, 14, "PO879399", 70))).poNumber().confidence())
                .isGreaterThanOrEqualTo(0.9);
        OcrPage lowPage = TextPages.page(45f, "PO Number:    PO-2025-82324");
        assertThat(extractor.extract(List.of(readAgain(lowPage, 0, 14, "PO-2025-82324", 63))).poNumber().confidence())
                .isGreaterThanOrEqualTo(0.9);
        // a Q beside an O is OCR's O/Q confusion: "POQ664066" came back from both readings, at 32 and 58
        assertThat(extractor.extract(List.of(readAgain(TextPages.page(70f, "PO Number:    POQ664066"), 0, 14,
                "POQ664066", 75))).poNumber().confidence()).isLessThan(0.9);
        OcrPage poor = TextPages.page(32f, "PO Number:    POQ664066");
        assertThat(extractor.extract(List.of(readAgain(poor, 0, 14, "POQ664066", 58))).poNumber().confidence())
                .isLessThan(0.9);
    }

    @Test
    void aSecondReadingTesseractItselfCallsNoiseDoesNotDoubtAConfidentPageReading() {
        OcrPage page = TextPages.page(91f, "PO Number:    PO643895");
        assertThat(extractor.extract(List.of(readAgain(page, 0, 14, "POQ643895.", 6))).poNumber().confidence())
                .isGreaterThanOrEqualTo(0.9);
        // a page reading that is not that confident stays doubtful, however poor the disagreeing second reading
        OcrPage lessSure = TextPages.page(78f, "PO Number:    PQ647810");
        assertThat(extractor.extract(List.of(readAgain(lessSure, 0, 14, "PO647810", 25))).poNumber().confidence())
                .isLessThan(0.9);
    }

    @Test
    void digitsAfterTheNumberMakeItsEndAGuessWithoutASecondReading() {
        OcrPage page = TextPages.page(95f, "PO Number:    PO-2026-7  1859");
        assertThat(extractor.extract(List.of(page)).poNumber().confidence()).isLessThan(0.9);
    }

    /** The page with a value at character column {@code col} of line {@code line} read again, confidently, as {@code text}. */
    private static OcrPage readAgain(OcrPage page, int line, int col, String text) {
        return readAgain(page, line, col, text, 92);
    }

    private static OcrPage readAgain(OcrPage page, int line, int col, String text, float confidence) {
        int x = 100 + col * TextPages.CHAR;
        int y = 100 + line * 60;
        List<OcrWord> words = new ArrayList<>();
        words.add(new OcrWord(text, confidence, x, y, text.length() * TextPages.CHAR, 40, 0, 0));
        OcrRegion region = new OcrRegion(x - 40, y - 20, text.length() * TextPages.CHAR + 200, 80, Segmentation.LINE,
                words, OcrRegion.Kind.FIELD);
        return page.withRereads(List.of(region));
    }
}
