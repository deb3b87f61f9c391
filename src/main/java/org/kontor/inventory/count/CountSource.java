package org.kontor.inventory.count;

/** Where a count came from. */
public enum CountSource {
    UPLOAD,
    /** A scanned or PDF count sheet from document intake, read from its OCR word boxes. */
    DOCUMENT,
    CYCLE_COUNT
}
