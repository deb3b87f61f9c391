package org.kontor.delivery.routing;

/** A routing problem the caller must fix before it can be solved; the message says what and where. */
public class RoutingInputException extends RuntimeException {

    public RoutingInputException(String message) {
        super(message);
    }
}
