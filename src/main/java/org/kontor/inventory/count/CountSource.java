package org.kontor.inventory.count;

/** Where a count came from. */
public enum CountSource {
    UPLOAD,
    CYCLE_COUNT
}
