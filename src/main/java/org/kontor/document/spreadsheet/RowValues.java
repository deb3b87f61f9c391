package org.kontor.document.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one row by column name. Every getter records a {@link RowError} instead of throwing,
 * so an import can report all problems of a row at once and go on with the next one.
 */
public final class RowValues {

    private final TableRow row;
    private final Map<String, Integer> columns;
    private final List<RowError> errors = new ArrayList<>();

    public RowValues(TableRow row, Map<String, Integer> columns) {
        this.row = row;
        this.columns = columns;
    }

    public long rowNumber() {
        return row.rowNumber();
    }

    public List<RowError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String text(String column, boolean required, int maxLength) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is empty");
            }
            return null;
        }
        if (value.length() > maxLength) {
            error(column, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    public BigDecimal decimal(String column, boolean required, BigDecimal min, BigDecimal max) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is empty");
            }
            return null;
        }
        BigDecimal number = parseDecimal(value);
        if (number == null) {
            error(column, "'" + abbreviate(value) + "' is not a number");
            return null;
        }
        if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
            error(column, number.toPlainString() + " is outside " + range(min, max));
            return null;
        }
        return number;
    }

    public Integer wholeNumber(String column, boolean required, long min, long max) {
        BigDecimal number = decimal(column, required, null, null);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            error(column, number.toPlainString() + " is not a whole number");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(column, number.toPlainString() + " is outside " + min + " to " + max);
            return null;
        }
        return number.intValueExact();
    }

    public LocalTime time(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is empty");
            }
            return null;
        }
        try {
            String normalised = value.length() == 4 && value.charAt(1) == ':' ? "0" + value : value;
            return LocalTime.parse(normalised);
        } catch (DateTimeParseException e) {
            error(column, "'" + abbreviate(value) + "' is not a time of day (HH:mm)");
            return null;
        }
    }

    public void error(String column, String reason) {
        errors.add(new RowError(row.rowNumber(), column, reason));
    }

    private String raw(String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index).strip();
    }

    /** An ISO date, also the date part of an ISO date-time (as spreadsheets and forms export them); null if unreadable. */
    public static LocalDate parseIsoDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Accepts 1234.5, 1,234.5, 1234,5 and 1.234,5 — whatever a spreadsheet in any locale exported. */
    public static BigDecimal parseDecimal(String text) {
        String s = text.replace(" ", "").replace("\u00A0", "").replace("'", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            // a single comma followed by exactly three digits is a thousands separator (1,000)
            boolean thousands = s.indexOf(',') == comma && s.length() - comma - 1 == 3 && !s.startsWith("0,");
            s = thousands ? s.replace(",", "") : s.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return (min == null ? "-inf" : min.toPlainString()) + " to " + (max == null ? "inf" : max.toPlainString());
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
