package org.kontor.inventory.count;

/** A scanned count sheet without a single line that could be read: nothing to reconcile, a clerk looks at it. */
public class UnreadableCountSheetException extends RuntimeException {

    public UnreadableCountSheetException(String reason) {
        super(reason);
    }
}
