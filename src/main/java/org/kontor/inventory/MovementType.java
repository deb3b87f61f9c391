package org.kontor.inventory;

/** Why on-hand stock changed. Reservations change only the reserved quantity and are not movements. */
public enum MovementType {
    OPENING,
    RECEIPT,
    ADJUSTMENT,
    SHIPMENT,
    RETURN
}
