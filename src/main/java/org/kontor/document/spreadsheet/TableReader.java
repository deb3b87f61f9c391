package org.kontor.document.spreadsheet;

import java.nio.file.Path;
import org.kontor.document.content.ContentType;
import org.springframework.stereotype.Service;

/**
 * Reads CSV, XLSX and XLS files row by row. XLSX is streamed, so the heap needed does not grow with the
 * number of rows; XLS (a legacy format) is read whole and only accepted up to the upload size limit.
 */
@Service
public class TableReader {

    static {
        SpreadsheetLimits.apply();
    }

    public TableCursor open(Path file, ContentType type) {
        return switch (type) {
            case CSV -> CsvTableCursor.open(file);
            case XLSX -> XlsxTableCursor.open(file);
            case XLS -> XlsTableCursor.open(file);
            default -> throw new IllegalArgumentException(type + " is not a table format");
        };
    }
}
