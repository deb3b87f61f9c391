package org.kontor.masterdata;

import java.util.List;
import org.kontor.document.spreadsheet.RowError;

/**
 * The answer to a master-data upload: how many rows were read, created, updated and rejected, and what
 * is wrong with each rejected one (row numbers as in a spreadsheet program: the header is row 1).
 */
public record ImportReport(
        String entity,
        long rowsRead,
        long created,
        long updated,
        long rejected,
        List<RowError> errors,
        boolean errorsTruncated) {
}
