package org.kontor.platform.web;

/** A resource addressed by the request does not exist; answered with 404 and the message. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
