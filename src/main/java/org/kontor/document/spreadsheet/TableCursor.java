package org.kontor.document.spreadsheet;

import java.util.Iterator;
import java.util.List;

/**
 * Streams the rows of the first sheet of a tabular file. The first non-blank row is the header;
 * blank rows are skipped. Close it to release the file.
 */
public interface TableCursor extends Iterator<TableRow>, AutoCloseable {

    List<String> header();

    @Override
    void close();
}
