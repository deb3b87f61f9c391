package org.kontor.inventory.count;

/**
 * Text from outside (SKUs, bins, file names) written into spreadsheets must not become a formula when a
 * person opens the file: a cell starting with = + - @ (or a tab or carriage return, which some programs skip
 * before them) gets a leading apostrophe.
 */
public final class SafeCells {

    private SafeCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
