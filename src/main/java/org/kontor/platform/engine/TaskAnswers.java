package org.kontor.platform.engine;

import java.math.BigDecimal;

/**
 * Answers to user tasks as robots read them. Tasklist sends a form's number field as a number, but anyone completing
 * a task through {@code /engine-rest} may send text ("45") or something else entirely; a robot step must not fail
 * into an incident over a cast.
 */
public final class TaskAnswers {

    private TaskAnswers() {
    }

    /**
     * A number given as a number or as text ({@code 45}, {@code "45"}, {@code " 45.0 "}), as an int (a fraction is cut
     * off, as {@link Number#intValue()} does); null when absent or not a number.
     */
    public static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValue();
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Text as given, whatever type the value came as; null when absent or blank. */
    public static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
