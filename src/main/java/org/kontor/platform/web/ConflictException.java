package org.kontor.platform.web;

/** The request contradicts the current state (a duplicate, an illegal transition); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
