package org.kontor.inventory.count;

/** The outputs of {@code variance-approval.dmn}. */
public enum VarianceDecision {
    AUTO_ACCEPT,
    SUPERVISOR_APPROVAL,
    RECOUNT
}
