package org.kontor.document.spreadsheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Legacy Excel 97-2003 files. POI has no streaming reader for them; the upload limit bounds their size. */
final class XlsTableCursor extends AbstractTableCursor {

    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;

    private XlsTableCursor(HSSFWorkbook workbook, Iterator<Row> rows) {
        this.workbook = workbook;
        this.rows = rows;
    }

    static XlsTableCursor open(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true);
            if (workbook.getNumberOfSheets() == 0) {
                workbook.close();
                throw new UnreadableTableException("The workbook has no sheet.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            return new XlsTableCursor(workbook, sheet.rowIterator());
        } catch (UnreadableTableException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableTableException("The file is not a readable Excel 97-2003 workbook: "
                    + XlsxTableCursor.describe(e), e);
        }
    }

    @Override
    protected TableRow readRow() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        int last = Math.max(row.getLastCellNum(), 0);
        List<String> cells = new ArrayList<>(last);
        for (int c = 0; c < last; c++) {
            cells.add(CellText.of(row.getCell(c)));
        }
        return new TableRow(row.getRowNum() + 1L, cells);
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only workbook, nothing to flush
        }
    }
}
