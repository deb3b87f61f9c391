package org.kontor.document.spreadsheet;

import java.util.List;

/** The header lacks columns without which no row can be imported. */
public class MissingColumnsException extends RuntimeException {

    private final List<String> missing;

    public MissingColumnsException(List<String> missing, List<String> expected) {
        super("The file lacks the column(s) " + String.join(", ", missing)
                + ". Expected a header row with: " + String.join(", ", expected) + " (any order, any case).");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
