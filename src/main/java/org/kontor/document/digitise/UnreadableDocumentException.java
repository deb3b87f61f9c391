package org.kontor.document.digitise;

import org.kontor.platform.engine.PermanentFailure;

/**
 * A PDF or image that Kontor refuses to read: damaged, cut off, or beyond the limits on pages and pixels.
 * The message is written for a clerk, because it ends up in an incident or a problem+json answer.
 */
public class UnreadableDocumentException extends RuntimeException implements PermanentFailure {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
