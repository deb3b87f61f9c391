package org.kontor.document;

/** What an incoming document is, as far as routing in document intake cares. */
public enum DocumentType {
    PURCHASE_ORDER,
    INVOICE,
    DELIVERY_NOTE,
    STOCK_COUNT,
    RETURN_REQUEST,
    /** Anything else, including look-alikes such as quotations, order confirmations and credit notes. */
    OTHER
}
