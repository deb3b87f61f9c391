package org.kontor.document.spreadsheet;

/** What is wrong with one cell (or, with a null column, one row) of an imported file. */
public record RowError(long row, String column, String reason) {
}
