package org.kontor.inventory.count;

/** Something in a count that could not be used as it was (row: the spreadsheet row or form line, if known). */
public record CountProblem(Long row, String sku, String column, String reason) {
}
