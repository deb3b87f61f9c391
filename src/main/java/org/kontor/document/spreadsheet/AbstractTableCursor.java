package org.kontor.document.spreadsheet;

import java.util.List;
import java.util.NoSuchElementException;

/** Header detection and blank-row skipping shared by all formats; subclasses only produce raw rows. */
abstract class AbstractTableCursor implements TableCursor {

    private List<String> header;
    private TableRow lookahead;
    private boolean exhausted;

    /** The next row of the file, or {@code null} at its end. */
    protected abstract TableRow readRow();

    @Override
    public List<String> header() {
        if (header == null) {
            TableRow first = nextNonBlank();
            if (first == null) {
                throw new UnreadableTableException("The file has no header row: it is empty.");
            }
            header = first.cells().stream().map(String::strip).toList();
        }
        return header;
    }

    @Override
    public boolean hasNext() {
        header();
        if (lookahead == null && !exhausted) {
            lookahead = nextNonBlank();
            exhausted = lookahead == null;
        }
        return lookahead != null;
    }

    @Override
    public TableRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TableRow row = lookahead;
        lookahead = null;
        return row;
    }

    private TableRow nextNonBlank() {
        TableRow row;
        do {
            row = readRow();
        } while (row != null && row.isBlank());
        return row;
    }
}
