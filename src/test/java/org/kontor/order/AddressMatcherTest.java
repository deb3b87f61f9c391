package org.kontor.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A delivery address misread by OCR is the customer's address; a different number or street is not. */
class AddressMatcherTest {

    @Test
    void umlautsAndEszettLostByOcrStillMatch() {
        assertThat(AddressMatcher.sameAddress("Osterstrae 112, Hamburg", "Osterstraße 112, Hamburg")).isTrue();
        assertThat(AddressMatcher.sameAddress("Ménckebergstraße 7, Hamburg", "Mönckebergstraße 7, Hamburg")).isTrue();
        assertThat(AddressMatcher.sameAddress("Elpchaussee 401, Hamburg", "Elbchaussee 401, Hamburg")).isTrue();
    }

    @Test
    void anotherHouseNumberOrStreetIsAnotherAddress() {
        assertThat(AddressMatcher.sameAddress("Elbchaussee 40, Hamburg", "Elbchaussee 401, Hamburg")).isFalse();
        assertThat(AddressMatcher.sameAddress("Osterstraße 112, Hamburg", "Ostersteig 112, Hamburg")).isFalse();
        assertThat(AddressMatcher.sameAddress("Hauptstraße 1, Kiel", "Hauptstraße 1, Hamburg")).isFalse();
    }
}
