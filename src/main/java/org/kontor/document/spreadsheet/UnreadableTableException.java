package org.kontor.document.spreadsheet;

import org.kontor.platform.engine.PermanentFailure;

/** A file that claimed to be a table (by its content type) but could not be read as one. */
public class UnreadableTableException extends RuntimeException implements PermanentFailure {

    public UnreadableTableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableTableException(String message) {
        super(message);
    }
}
