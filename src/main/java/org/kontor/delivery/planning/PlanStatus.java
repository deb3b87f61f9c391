package org.kontor.delivery.planning;

/** Where a delivery plan stands. REQUESTED, PLANNING and PROPOSED are open: one open plan per delivery date. */
public enum PlanStatus {
    REQUESTED,
    PLANNING,
    PROPOSED,
    APPROVED,
    /** No confirmed order was due on the day. */
    EMPTY,
    /** The process ended without an approval (cancelled in Cockpit, or a cut-off while a plan was open). */
    CANCELLED;

    public boolean open() {
        return this == REQUESTED || this == PLANNING || this == PROPOSED;
    }
}
