package org.kontor.inventory.count;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kontor.platform.config.KontorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reconciliation report (xlsx): a summary, every line with its variance, decision and posting, and the
 * problems. Written with SXSSF, a window of rows at a time, so a count of any size fits in little memory.
 * Stored under {@code data-dir/reports/counts}; {@code GET /api/inventory/counts/{id}/report} serves it.
 */
@Component
public class ReconciliationReportWriter {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationReportWriter.class);
    private static final int PAGE = 2_000;

    private final StockCountService counts;
    private final Clock clock;
    private final Path reports;

    ReconciliationReportWriter(StockCountService counts, Clock clock, KontorProperties properties) {
        this.counts = counts;
        this.clock = clock;
        this.reports = properties.dataDir().resolve("reports").resolve("counts");
    }

    public Path reportFile(String countId) {
        return reports.resolve(countId + ".xlsx");
    }

    public Path write(String countId) {
        StockCount count = counts.get(countId);
        Path target = reportFile(countId);
        try {
            Files.createDirectories(reports);
            Path tmp = Files.createTempFile(reports, countId, ".tmp");
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
                // no gzip of the temporary sheet files: it doubled the deflating of a 200,000-line report
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                summary(workbook.createSheet("Summary"), count, bold);
                lines(workbook.createSheet("Lines"), countId, bold);
                problems(workbook.createSheet("Problems"), countId, bold);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    workbook.write(out);
                }
                workbook.dispose();
            }
            // a reader never sees half a report
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the reconciliation report of count " + countId, e);
        }
        counts.setReportFile(countId, target.getFileName().toString());
        log.info("Count {}: reconciliation report written ({})", countId, target);
        return target;
    }

    private void summary(Sheet sheet, StockCount count, CellStyle bold) {
        Map<LineStatus, Long> byStatus = counts.countByStatus(count.countId());
        int r = 0;
        r = pair(sheet, r, "Count", count.countId(), bold);
        r = pair(sheet, r, "Source", count.source().name(), bold);
        r = pair(sheet, r, "File", count.fileName(), bold);
        r = pair(sheet, r, "Counted at (UTC)", String.valueOf(count.countedAt()), bold);
        r = pair(sheet, r, "Received from", count.createdBy(), bold);
        r = pair(sheet, r, "Rows read", count.rowsRead(), bold);
        r = pair(sheet, r, "Problems", count.problemCount(), bold);
        r = pair(sheet, r, "Decision table", count.decisionVersion(), bold);
        for (LineStatus status : LineStatus.values()) {
            r = pair(sheet, r, "Lines " + status.name(), byStatus.getOrDefault(status, 0L), bold);
        }
        pair(sheet, r, "Report written (UTC)", LocalDateTime.now(clock).toString(), bold);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 40 * 256);
    }

    private void lines(Sheet sheet, String countId, CellStyle bold) {
        header(sheet, bold, "Line", "SKU", "Bins", "Counted", "Counted at (UTC)", "Recounts", "Book stock", "Variance",
                "Unit price", "Variance value EUR", "ABC", "Decision", "Reason", "Status", "Decided by", "Posted",
                "Reading confidence (scans)");
        int r = 1;
        int last = counts.lastLineNo(countId);
        for (int after = 0; after < last; after += PAGE) {
            List<CountLine> page = counts.lines(countId, Set.of(), after, PAGE);
            for (CountLine l : page) {
                Row row = sheet.createRow(r++);
                int c = 0;
                number(row, c++, l.lineNo());
                text(row, c++, l.sku());
                text(row, c++, l.bins());
                number(row, c++, l.countedQuantity());
                text(row, c++, l.countedAt() == null ? null : l.countedAt().toString());
                number(row, c++, l.recounts());
                number(row, c++, l.expectedQuantity());
                number(row, c++, l.variance());
                number(row, c++, l.unitPrice());
                number(row, c++, l.varianceValue());
                text(row, c++, l.abcClass());
                text(row, c++, l.decision());
                text(row, c++, l.decisionReason());
                text(row, c++, l.status().name());
                text(row, c++, l.decidedBy());
                number(row, c++, l.postedQuantity());
                number(row, c, l.readingConfidence());
            }
        }
    }

    private void problems(Sheet sheet, String countId, CellStyle bold) {
        header(sheet, bold, "Row", "SKU", "Column", "Problem");
        int r = 1;
        for (CountProblem p : counts.problems(countId, StockCountService.MAX_STORED_PROBLEMS)) {
            Row row = sheet.createRow(r++);
            number(row, 0, p.row());
            text(row, 1, p.sku());
            text(row, 2, p.column());
            text(row, 3, p.reason());
        }
    }

    private static int pair(Sheet sheet, int r, String label, Object value, CellStyle bold) {
        Row row = sheet.createRow(r);
        Cell cell = row.createCell(0);
        cell.setCellValue(label);
        cell.setCellStyle(bold);
        if (value instanceof Number n) {
            row.createCell(1).setCellValue(n.doubleValue());
        } else {
            text(row, 1, value == null ? null : value.toString());
        }
        return r + 1;
    }

    private static void header(Sheet sheet, CellStyle bold, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(bold);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(SafeCells.text(value));
        }
    }

    private static void number(Row row, int column, Number value) {
        if (value != null) {
            row.createCell(column).setCellValue(value instanceof BigDecimal d ? d.doubleValue() : value.doubleValue());
        }
    }
}
