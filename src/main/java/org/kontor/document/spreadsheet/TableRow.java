package org.kontor.document.spreadsheet;

import java.util.List;

/**
 * One row of a sheet or CSV file, cells as text. {@code rowNumber} is the number a person sees in a
 * spreadsheet program (the header is row 1), so that error messages point at the right line.
 */
public record TableRow(long rowNumber, List<String> cells) {

    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
