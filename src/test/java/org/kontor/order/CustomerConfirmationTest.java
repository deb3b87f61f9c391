package org.kontor.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.masterdata.DemoMasterData;

/** When master data vouches for a customer the scan gave with little confidence (demo customers). */
class CustomerConfirmationTest {

    private final CustomerMatcher customers = DemoOrderValidation.customerMatcher(DemoMasterData.load().service());

    @Test
    void numberAndNameOfOneCustomerConfirmEachOther() {
        assertThat(customers.confirms("C-10002", "Hanse Logistik AG", null)).isTrue();
        assertThat(customers.confirms("C-10002", "Hanse Log", null)).isTrue();
        // a misread number lands on another customer than the name
        assertThat(customers.confirms("C-10003", "Hanse Logistik AG", null)).isFalse();
    }

    @Test
    void eitherOfThemWithTheCustomersOwnAddressConfirms() {
        assertThat(customers.confirms(null, "Hanse Logistik AG", "Lange Reihe 45, Hamburg")).isTrue();
        assertThat(customers.confirms("C-10003", null, "Osterstrae 112, Hamburg")).isTrue();
        // another house number is another address, and one field alone confirms nothing
        assertThat(customers.confirms("C-10003", null, "Osterstraße 114, Hamburg")).isFalse();
        assertThat(customers.confirms("C-10003", null, null)).isFalse();
        assertThat(customers.confirms(null, "Hanse Logistik AG", "Lange Reihe 47, Hamburg")).isFalse();
        assertThat(customers.confirms(null, "Unknown Trading Ltd", "Lange Reihe 45, Hamburg")).isFalse();
    }

    @Test
    void aNameWithinAnOcrSlipOfOneCustomerIsThatCustomer() {
        // an umlaut the English model reads as another accented letter
        assertThat(customers.byName("Ovelgénne Yachtservice")).get().extracting(c -> c.customerNumber()).isEqualTo("C-10014");
        assertThat(customers.confirms(null, "Ovelgénne Yachtservice", "Elbchaussee 401, Hamburg")).isTrue();
        // more than a slip or two is another name, and a short name has no room for slips at all
        assertThat(customers.byName("Hanse Logistic KG")).isEmpty();
        assertThat(customers.byName("HWX")).isEmpty();
    }
}
