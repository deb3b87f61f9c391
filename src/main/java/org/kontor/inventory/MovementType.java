package org.kontor.inventory;

/** Why on-hand stock changed. Reservations change only the reserved quantity and are not movements. */
public enum MovementType {
    OPENING,
    RECEIPT,
    ADJUSTMENT,
    SHIPMENT,
    RETURN,
    /**
     * A correction of the books after a stock count. Not a physical movement: it is left out when the book
     * stock at an earlier counting time is worked out, so that two overlapping counts do not correct twice.
     */
    COUNT_ADJUSTMENT
}
