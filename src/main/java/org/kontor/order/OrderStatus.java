package org.kontor.order;

/** Where an order stands (SPEC §5). */
public enum OrderStatus {
    RECEIVED,
    IN_REVIEW,
    CONFIRMED,
    BACKORDERED,
    SCHEDULED,
    DELIVERED,
    FAILED,
    REJECTED,
    CANCELLED
}
