package org.kontor.inventory.count;

/** What became of one counted SKU. */
public enum LineStatus {
    /** Cycle count: a clerk is to count it. */
    TO_COUNT,
    /** Counted, not yet compared with the books. */
    OPEN,
    /** Within tolerance or approved: to be posted. */
    ACCEPTED,
    PENDING_APPROVAL,
    RECOUNT,
    REJECTED,
    POSTED,
    /** The counted stock plus the movements since would be below what is reserved: not posted, see the problems. */
    NOT_POSTABLE,
    /** Cycle count: the clerk left it empty. */
    NOT_COUNTED
}
