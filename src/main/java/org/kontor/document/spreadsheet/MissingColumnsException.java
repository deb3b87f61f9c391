package org.kontor.document.spreadsheet;

import java.util.List;
import org.kontor.platform.engine.PermanentFailure;

/**
 * The header lacks columns without which no row can be imported: a 400 at upload, and an incident at once in a robot
 * step (the same file will not grow the columns on a retry).
 */
public class MissingColumnsException extends RuntimeException implements PermanentFailure {

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
