package org.kontor.masterdata;

import java.math.BigDecimal;

/** Where vehicles start and end their tours. */
public record Depot(String depotCode, String name, String street, String city, BigDecimal latitude, BigDecimal longitude) {
}
