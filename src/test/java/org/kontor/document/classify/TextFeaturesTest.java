package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures();

    @Test
    void tokensAreLowerCasedWithDigitShapesAndNoPunctuation() {
        assertThat(TextFeatures.tokens("INVOICE No.: INV-2024/00017, total 1.234,50 EUR"))
                .containsExactly("invoice", "no", "inv", "#", "#", "total", "#", "#", "#", "eur");
        assertThat(TextFeatures.tokens("SKU4711x")).containsExactly("sku#x");
    }

    @Test
    void hashIsPinnedBecauseTheShippedModelDependsOnIt() {
        // If this fails, the feature layout changed and the shipped model must be retrained.
        assertThat(TextFeatures.index("w:invoice")).isEqualTo(PINNED_INVOICE_INDEX);
        assertThat(TextFeatures.DIMENSION).isEqualTo((1 << 14) + 8);
    }

    private static final int PINNED_INVOICE_INDEX = 12328;

    @Test
    void hashedPartIsUnitLengthAndLayoutPartIsBounded() {
        float[] v = features.vector("Delivery Note\nQty  SKU  Description\n12  AB-1234  Bolts 9.99\n");
        double norm = 0;
        for (int i = 0; i < TextFeatures.HASH_DIMENSION; i++) {
            norm += v[i] * v[i];
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        for (int i = TextFeatures.HASH_DIMENSION; i < TextFeatures.DIMENSION; i++) {
            assertThat(v[i]).isBetween(0f, 1f);
        }
        assertThat(features.vector("")).containsOnly(0f);
        assertThat(features.vector(null)).hasSize(TextFeatures.DIMENSION);
    }

    @Test
    void ocrConfusionsLandOnSharedFeatures() {
        assertThat(TextFeatures.fold("lnvoice")).isEqualTo(TextFeatures.fold("invoice")).isEqualTo(TextFeatures.fold("1nvoice"));
        assertThat(TextFeatures.fold("deiivery")).isEqualTo(TextFeatures.fold("delivery"));
        assertThat(TextFeatures.fold("rnanager")).isEqualTo(TextFeatures.fold("manager"));
        double clean = cosine(features.vector("Purchase Order"), features.vector("Purchase Order"));
        double noisy = cosine(features.vector("Purchase Order"), features.vector("Purchose 0rder"));
        double other = cosine(features.vector("Purchase Order"), features.vector("Stock count sheet"));
        assertThat(clean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(noisy).isGreaterThan(0.4).isGreaterThan(other + 0.3);
    }

    @Test
    void featuresSpreadOverTheHashSpace() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(TextFeatures.index("w:word" + i));
        }
        assertThat(seen.size()).isGreaterThan(1850);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < TextFeatures.HASH_DIMENSION; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
