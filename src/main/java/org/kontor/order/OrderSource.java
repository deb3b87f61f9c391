package org.kontor.order;

/** How an order came in. */
public enum OrderSource {
    JSON,
    SPREADSHEET,
    DOCUMENT
}
