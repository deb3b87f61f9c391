package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.OcrGlyph;
import org.kontor.document.digitise.OcrGlyph.Choice;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.digitise.Segmentation;

/**
 * What evidence beyond the word confidence says about a PO number: the characters OCR weighed, a doubled character
 * one reading lost, a label glued to its value, dirt between label and value.
 */
class IdentifierEvidenceTest {

    private final PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();

    @Test
    void aLowWordConfidenceFromAPrefixOThatMightBeAZeroDoesNotDoubtTheNumber() {
        // po-dev-126: "PO690640" at 27 on the page, 67 read alone; the only doubt is the O against a zero
        OcrPage page = withGlyphs(TextPages.page(27f, "PO Number:    PO690640"), "PO690640",
                glyphs("PO690640", 1, new Choice("O", 80), new Choice("0", 58), new Choice("Q", 12)));
        OcrPage again = readAgain(page, 14, "PO690640", 67,
                glyphs("PO690640", 1, new Choice("O", 86), new Choice("0", 53)));
        ExtractedField<String> po = extractor.extract(List.of(again)).poNumber();
        assertThat(po.value()).isEqualTo("PO690640");
        assertThat(po.confidence()).isGreaterThanOrEqualTo(0.9);

        // without the characters, the same two readings are not sure enough
        OcrPage bare = readAgain(TextPages.page(27f, "PO Number:    PO690640"), 14, "PO690640", 67, List.of());
        assertThat(extractor.extract(List.of(bare)).poNumber().confidence()).isLessThan(0.9);
    }

    @Test
    void anOWeighedAgainstAQStaysDoubtful() {
        // po-dev-10: "POQ664066", truth PO664066; both readings make it, with O, Q and 0 close at the prefix
        List<OcrGlyph> chars = glyphs("POQ664066", 1, new Choice("O", 88), new Choice("Q", 82), new Choice("0", 81));
        OcrPage page = withGlyphs(TextPages.page(32f, "PO Number:    POQ664066"), "POQ664066", chars);
        OcrPage again = readAgain(page, 14, "POQ664066", 58, chars);
        assertThat(extractor.extract(List.of(again)).poNumber().confidence()).isLessThan(0.9);
    }

    @Test
    void aReadingThatLostOneOfADoubledCharacterDoesNotDoubtOneThatKeptIt() {
        // po-dev-148: "ORD-75777" at 92 on the page, "ORD-7577" read alone
        OcrPage page = readAgain(TextPages.page(92f, "PO Number:    ORD-75777"), 14, "ORD-7577", 64, List.of());
        ExtractedField<String> po = extractor.extract(List.of(page)).poNumber();
        assertThat(po.value()).isEqualTo("ORD-75777");
        assertThat(po.confidence()).isGreaterThanOrEqualTo(0.9);

        // the page lost it, the value read alone kept it confidently: the longer reading is taken
        OcrPage shorter = readAgain(TextPages.page(75f, "PO Number:    ORD-7577"), 14, "ORD-75777", 90, List.of());
        assertThat(extractor.extract(List.of(shorter)).poNumber().value()).isEqualTo("ORD-75777");

        // a doubled character the only reading that has it barely believes is no reason to take it
        OcrPage unsure = readAgain(TextPages.page(92f, "PO Number:    ORD-7577"), 14, "ORD-75777", 40, List.of());
        assertThat(extractor.extract(List.of(unsure)).poNumber().confidence()).isLessThan(0.9);
        assertThat(PurchaseOrderExtractor.lostOneOfARepeat("ORD-7577", "ORD-75777")).isTrue();
        assertThat(PurchaseOrderExtractor.lostOneOfARepeat("ORD-7577", "ORD-75787")).isFalse();
    }

    @Test
    void aLabelGluedToItsValueIsSplit() {
        // po-dev-127: "No.:.-ORD-89555" came back as one word
        ExtractedField<String> po = extractor.extract(List.of(TextPages.page("PO No.:.-ORD-89555"))).poNumber();
        assertThat(po.value()).isEqualTo("ORD-89555");
        List<Layout.Word> split = Layout.unglued(new Layout.Word("Date:02/09/2026", 90, 100, 100, 375, 40));
        assertThat(split).extracting(Layout.Word::text).containsExactly("Date:", "02/09/2026");
        assertThat(split.get(1).x()).isGreaterThan(split.get(0).right() - 10).isLessThan(100 + 6 * TextPages.CHAR);
        assertThat(Layout.unglued(new Layout.Word("12:30", 90, 100, 100, 125, 40))).hasSize(1);
    }

    @Test
    void dirtBetweenALabelAndItsValueIsSkipped() {
        // po-dev-170: "PO # 2 ORD-36820", the 2 a speck at 37; po-dev-199: "PO No. | ORD-93274"
        OcrPage speck = withConfidence(TextPages.page("PO #     2     ORD-36820"), "2", 37f);
        assertThat(extractor.extract(List.of(speck)).poNumber().value()).isEqualTo("ORD-36820");
        assertThat(extractor.extract(List.of(TextPages.page("PO No.   |   ORD-93274"))).poNumber().value())
                .isEqualTo("ORD-93274");
        // a short value Tesseract is sure of is a value, not dirt
        assertThat(extractor.extract(List.of(TextPages.page("Order Date:  5 May 2025"))).orderDate().value())
                .hasToString("2025-05-05");
    }

    /** The characters of {@code text}, all sure, but the one at {@code at} weighed between {@code choices}. */
    private static List<OcrGlyph> glyphs(String text, int at, Choice... choices) {
        List<OcrGlyph> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            out.add(i == at ? new OcrGlyph(c, 95, List.of(choices)) : new OcrGlyph(c, 99, List.of(new Choice(c, 94))));
        }
        return out;
    }

    private static OcrPage withGlyphs(OcrPage page, String text, List<OcrGlyph> glyphs) {
        return replace(page, text, w -> new OcrWord(w.text(), w.confidence(), w.x(), w.y(), w.w(), w.h(), w.line(),
                w.block(), glyphs));
    }

    private static OcrPage withConfidence(OcrPage page, String text, float confidence) {
        return replace(page, text, w -> new OcrWord(w.text(), confidence, w.x(), w.y(), w.w(), w.h(), w.line(),
                w.block(), w.glyphs()));
    }

    private static OcrPage replace(OcrPage page, String text, java.util.function.UnaryOperator<OcrWord> change) {
        List<OcrWord> words = page.words().stream().map(w -> w.text().equals(text) ? change.apply(w) : w).toList();
        return new OcrPage(page.width(), page.height(), page.text(), words, page.meanConfidence(), page.rereads());
    }

    /** The page with the value at character column {@code col} of its first line read again as {@code text}. */
    private static OcrPage readAgain(OcrPage page, int col, String text, float confidence, List<OcrGlyph> glyphs) {
        int x = 100 + col * TextPages.CHAR;
        List<OcrWord> words = List.of(new OcrWord(text, confidence, x, 100, text.length() * TextPages.CHAR, 40, 0, 0,
                glyphs));
        return page.withRereads(List.of(new OcrRegion(x - 40, 80, text.length() * TextPages.CHAR + 200, 80,
                Segmentation.LINE, words, OcrRegion.Kind.FIELD)));
    }
}
