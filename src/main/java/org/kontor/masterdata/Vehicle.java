package org.kontor.masterdata;

import java.math.BigDecimal;
import java.time.LocalTime;

/** A delivery vehicle of the depot's fleet. */
public record Vehicle(String vehicleId, BigDecimal capacityKg, LocalTime shiftStart, LocalTime shiftEnd, String depotCode) {
}
