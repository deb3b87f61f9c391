package org.kontor.document.content;

/** A file whose bytes are none of the types the caller accepts. */
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
