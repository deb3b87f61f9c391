package org.kontor.document;

/** What a document is, as decided by the classifier or a clerk (SPEC §4.1). */
public enum DocumentType {
    PURCHASE_ORDER,
    INVOICE,
    DELIVERY_NOTE,
    STOCK_COUNT,
    RETURN_REQUEST,
    OTHER
}
