package org.kontor.platform.web;

/** The request itself is wrong in a way the caller can fix; answered with 400 and the message. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
