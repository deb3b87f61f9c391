package org.kontor.delivery.tracking;

/** Where an order's current delivery attempt stands. */
public enum DeliveryStatus {
    /** On an approved plan, out for delivery on its date. */
    SCHEDULED,
    DELIVERED,
    /** The attempt failed; the order waits for the next plan. */
    AWAITING_REPLAN,
    /** The last attempt failed: the stock went back and the order is FAILED. */
    RETURNED
}
