package org.kontor.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.kontor.masterdata.DemoMasterData;

/** When the catalogue vouches for a SKU the scan gave with little confidence (demo catalogue). */
class SkuConfirmationTest {

    private final SkuMatcher skus = DemoOrderValidation.skuMatcher(DemoMasterData.load().service());

    @Test
    void theProductsOwnNameConfirmsItsSku() {
        assertThat(skus.confirms("OF-1001", "Copy paper A4 80g, 500 sheets", null)).isTrue();
        // a slip or two of OCR in the description
        assertThat(skus.confirms("OF-1001", "Copy paper A4 8Og, 500 sheet", null)).isTrue();
    }

    @Test
    void aDescriptionNearerToAnotherProductDoesNot() {
        // CL-3020 is "Nitrile gloves M", CL-3021 "Nitrile gloves L": a misread 0/1 must not be confirmed
        assertThat(skus.confirms("CL-3021", "Nitrile gloves M, box of 100", null)).isFalse();
        assertThat(skus.confirms("OF-1002", "Copy paper A4 80g, 500 sheets", null)).isFalse();
        assertThat(skus.confirms("OF-1001", "Ballpoint pen blue, box of 50", null)).isFalse();
        assertThat(skus.confirms("XX-9999", "Copy paper A4 80g, 500 sheets", null)).isFalse();
    }

    @Test
    void withoutADescriptionThePriceConfirmsOnlyWithoutALookAlike() {
        assertThat(skus.confirms("OF-1001", null, new BigDecimal("4.95"))).isTrue();
        assertThat(skus.confirms("OF-1001", null, new BigDecimal("5.10"))).isFalse();
        assertThat(skus.confirms("OF-1001", null, null)).isFalse();
        // same price, SKU one digit away
        assertThat(skus.confirms("CL-3020", null, new BigDecimal("8.95"))).isFalse();
    }

    @Test
    void thePriceListGivesASkuItsPrice() {
        assertThat(skus.listsPrice("PK-2011", new BigDecimal("11.90"))).isTrue();
        assertThat(skus.listsPrice("PK2011", new BigDecimal("11.9"))).isTrue();
        assertThat(skus.listsPrice("PK-2011", new BigDecimal("11.80"))).isFalse();
        assertThat(skus.listsPrice("PK-2O11", new BigDecimal("11.90"))).isFalse();
        assertThat(skus.listsPrice(null, new BigDecimal("11.90"))).isFalse();
        assertThat(skus.listsPrice("PK-2011", null)).isFalse();
    }

    @Test
    void aSkuWithOnlyItsHyphenLostIsThatProductWithoutADescriptionToConfirmIt() {
        assertThat(skus.match("CL3001", null).kind()).isEqualTo(SkuMatcher.Kind.CONFUSABLE_CONFIRMED);
        assertThat(skus.match("CL3001", null).product().sku()).isEqualTo("CL-3001");
        // a look-alike (O for 0) still needs the description
        assertThat(skus.match("CL-3OO1", null).kind()).isEqualTo(SkuMatcher.Kind.CONFUSABLE_UNCONFIRMED);
    }

    @Test
    void aFewSlipsInALongDescriptionStillNameTheProductWhenNoOtherIsNear() {
        assertThat(skus.confirms("CL-3011", "Dishwasher tabs, 100 eles", null)).isTrue();
        // but not a description as near to another product as to its own
        assertThat(skus.confirms("CL-3021", "Nitrile gloves X, box of 100", null)).isFalse();
    }

    @Test
    void aSkuWithOnlyItsHyphenLostIsConfirmedByItsDescription() {
        assertThat(skus.confirms("WH4030", "Barcode scanner USB", null)).isTrue();
        assertThat(skus.confirms("WH4030", "Copy paper A4 80g, 500 sheets", null)).isFalse();
    }

    @Test
    void aSkuOneSlipFromAProductIsThatProductOnlyWhenTheDescriptionNamesIt() {
        // F read as r: no look-alike rule covers it, the description does
        assertThat(skus.match("OR-1010", "Ballpoint pen blue, box of 50").kind()).isEqualTo(SkuMatcher.Kind.CONFUSABLE_CONFIRMED);
        assertThat(skus.match("OR-1010", "Ballpoint pen blue, box of 50").product().sku()).isEqualTo("OF-1010");
        assertThat(skus.match("OR-1010", "Copy paper A4 80g, 500 sheets").kind()).isEqualTo(SkuMatcher.Kind.UNKNOWN);
        assertThat(skus.match("OR-1010", null).kind()).isEqualTo(SkuMatcher.Kind.UNKNOWN);
        // the catalogue does not vouch for a SKU it does not have: the line still goes to a clerk
        assertThat(skus.confirms("OR-1010", "Ballpoint pen blue, box of 50", null)).isFalse();
    }
}
