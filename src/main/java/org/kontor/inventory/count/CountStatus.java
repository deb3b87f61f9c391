package org.kontor.inventory.count;

/** Where a count stands; see the README's reconciliation tour. */
public enum CountStatus {
    /** Uploaded, waiting to be read. */
    RECEIVED,
    /** Waiting for a clerk to count (cycle count or recount). */
    COUNTING,
    /** Waiting for a supervisor's decision on the lines outside tolerance. */
    AWAITING_APPROVAL,
    /** Every line decided and posted (or rejected); the report follows. */
    POSTED,
    /** Report written, replenishment raised. */
    COMPLETED
}
