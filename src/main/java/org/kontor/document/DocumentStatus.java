package org.kontor.document;

/** Where a document stands (SPEC §5). */
public enum DocumentStatus {
    RECEIVED,
    CLASSIFIED,
    EXTRACTED,
    IN_REVIEW,
    ACCEPTED,
    REJECTED,
    FAILED
}
