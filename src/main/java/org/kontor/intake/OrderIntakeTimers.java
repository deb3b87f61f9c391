package org.kontor.intake;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable times of {@code order-intake.bpmn}, for its timer expressions: the confirmation SLA
 * ({@code ${orderIntakeTimers.confirmationSla}}) is read when an order enters <i>Confirm order</i>, the back-order
 * re-check ({@code ${orderIntakeTimers.backorderRecheck}}) each time a back-ordered order starts to wait. Not process
 * variables: with full history each variable of every order is a runtime row, a history row and a detail row written
 * and a runtime row deleted, for a value that is the same for all orders (the timer's due date shows the SLA of each).
 */
@Component("orderIntakeTimers")
public class OrderIntakeTimers {

    private final Duration confirmationSla;
    private final Duration backorderRecheck;

    OrderIntakeTimers(@Value("${kontor.orders.confirmation-sla:PT4H}") Duration confirmationSla,
            @Value("${kontor.orders.backorder-recheck:P1D}") Duration backorderRecheck) {
        this.confirmationSla = confirmationSla;
        this.backorderRecheck = backorderRecheck;
    }

    /** ISO-8601, e.g. {@code PT4H}. */
    public String getConfirmationSla() {
        return confirmationSla.toString();
    }

    /** ISO-8601, e.g. {@code PT24H}. */
    public String getBackorderRecheck() {
        return backorderRecheck.toString();
    }
}
