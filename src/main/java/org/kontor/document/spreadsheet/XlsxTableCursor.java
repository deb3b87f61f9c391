package org.kontor.document.spreadsheet;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** XLSX through POI's streaming (SAX) reader: a few rows in memory at a time, whatever the sheet's size. */
final class XlsxTableCursor extends AbstractTableCursor {

    private static final int MAX_COLUMNS = 1_000;

    private final Workbook workbook;
    private final Iterator<Row> rows;

    private XlsxTableCursor(Workbook workbook, Iterator<Row> rows) {
        this.workbook = workbook;
        this.rows = rows;
    }

    static XlsxTableCursor open(Path file) {
        Workbook workbook = null;
        try {
            workbook = StreamingReader.builder()
                    .rowCacheSize(200)
                    .bufferSize(8192)
                    .setReadSharedFormulas(false)
                    .open(file.toFile());
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableTableException("The workbook has no sheet.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            return new XlsxTableCursor(workbook, sheet.rowIterator());
        } catch (UnreadableTableException e) {
            closeQuietly(workbook);
            throw e;
        } catch (Exception e) {
            closeQuietly(workbook);
            throw new UnreadableTableException("The XLSX workbook cannot be read: " + describe(e), e);
        }
    }

    @Override
    protected TableRow readRow() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            int last = row.getLastCellNum();
            if (last > MAX_COLUMNS) {
                throw new UnreadableTableException("Row " + (row.getRowNum() + 1) + " has more than " + MAX_COLUMNS + " columns.");
            }
            List<String> cells = new ArrayList<>(Math.max(last, 0));
            for (int c = 0; c < last; c++) {
                Cell cell = row.getCell(c);
                cells.add(CellText.of(cell));
            }
            return new TableRow(row.getRowNum() + 1L, cells);
        } catch (UnreadableTableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableTableException("The XLSX workbook is damaged: " + describe(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(workbook);
    }

    private static void closeQuietly(Workbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is being abandoned anyway
            }
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
