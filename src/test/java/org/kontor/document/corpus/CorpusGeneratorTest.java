package org.kontor.document.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kontor.document.DocumentType;

class CorpusGeneratorTest {

    @Test
    void sameSeedSameDocuments() {
        List<GeneratedDocument> a = new CorpusGenerator(7).generate(CorpusSplit.TRAIN, 30);
        List<GeneratedDocument> b = new CorpusGenerator(7).generate(CorpusSplit.TRAIN, 30);
        assertThat(a).isEqualTo(b);
        assertThat(new CorpusGenerator(8).generate(CorpusSplit.TRAIN, 30)).isNotEqualTo(a);
        OcrNoiseSimulator noise = new OcrNoiseSimulator(1.0, 3);
        assertThat(noise.apply(a.get(0))).isEqualTo(noise.apply(b.get(0))).isNotEqualTo(a.get(0).text());
    }

    @Test
    void typesAreBalancedAndSplitsShareNoLayoutFamily() {
        Map<CorpusSplit, Set<String>> families = new EnumMap<>(CorpusSplit.class);
        for (CorpusSplit split : CorpusSplit.values()) {
            List<GeneratedDocument> docs = new CorpusGenerator(11).generate(split, 600);
            families.put(split, docs.stream().map(GeneratedDocument::layoutFamily).collect(Collectors.toSet()));
            Map<DocumentType, Long> perType = docs.stream().collect(Collectors.groupingBy(GeneratedDocument::type, Collectors.counting()));
            assertThat(perType).hasSize(6).allSatisfy((t, n) -> assertThat(n).isEqualTo(100L));
            assertThat(docs).allSatisfy(d -> assertThat(d.text()).isNotBlank());
        }
        assertThat(families.get(CorpusSplit.TRAIN)).hasSize(LayoutFamily.TRAIN_FAMILIES)
                .doesNotContainAnyElementsOf(families.get(CorpusSplit.VALIDATION))
                .doesNotContainAnyElementsOf(families.get(CorpusSplit.HELD_OUT));
        assertThat(families.get(CorpusSplit.VALIDATION)).doesNotContainAnyElementsOf(families.get(CorpusSplit.HELD_OUT));
    }

    @Test
    void heldOutTitlesAndKindsNeverOccurInTraining() {
        List<GeneratedDocument> train = new CorpusGenerator(5).generate(CorpusSplit.TRAIN, 1200);
        List<GeneratedDocument> heldOut = new CorpusGenerator(6).generate(CorpusSplit.HELD_OUT, 600);
        Set<String> trainTitles = train.stream().map(GeneratedDocument::wording).collect(Collectors.toSet());
        Set<String> trainKinds = train.stream().map(GeneratedDocument::kind).collect(Collectors.toSet());
        assertThat(heldOut).allSatisfy(d -> assertThat(trainTitles).doesNotContain(d.wording()));
        Set<String> heldOutKinds = new HashSet<>(heldOut.stream().map(GeneratedDocument::kind).toList());
        heldOutKinds.removeAll(trainKinds);
        assertThat(heldOutKinds).contains("memo", "newsletter", "flyer");
        // look-alikes are labelled OTHER
        assertThat(train).filteredOn(d -> d.kind().equals("order-confirmation") || d.kind().equals("credit-note"))
                .isNotEmpty().allSatisfy(d -> assertThat(d.type()).isEqualTo(DocumentType.OTHER));
    }

    @Test
    void rendersAScannedLookingPageWithInstalledFonts() {
        FontCatalog fonts = FontCatalog.installed();
        assertThat(fonts.families()).isNotEmpty();
        List<String> trainFonts = fonts.forSplit(CorpusSplit.TRAIN, 0.3);
        List<String> heldOutFonts = fonts.forSplit(CorpusSplit.HELD_OUT, 0.3);
        if (fonts.families().size() >= 3) {
            assertThat(trainFonts).doesNotContainAnyElementsOf(heldOutFonts);
        }
        GeneratedDocument doc = new CorpusGenerator(1).document(CorpusSplit.TRAIN, 1);
        RenderStyle style = RenderStyle.random(new Random(doc.seed()), trainFonts);
        DocumentRenderer renderer = new DocumentRenderer();
        BufferedImage page = renderer.render(doc, style);
        assertThat(page.getWidth()).isGreaterThan(1000);
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        assertThat(darkPixels(page)).isGreaterThan(2000);
        BufferedImage again = renderer.render(doc, style);
        assertThat(again.getRaster().getDataBuffer().getSize()).isEqualTo(page.getRaster().getDataBuffer().getSize());
        assertThat(darkPixels(again)).isEqualTo(darkPixels(page));
    }

    private static int darkPixels(BufferedImage img) {
        int dark = 0;
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y += 2) {
            img.getRaster().getPixels(0, y, img.getWidth(), 1, row);
            for (int v : row) {
                dark += v < 100 ? 1 : 0;
            }
        }
        return dark;
    }
}
