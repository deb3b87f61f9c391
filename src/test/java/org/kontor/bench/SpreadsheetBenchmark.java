package org.kontor.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kontor.document.content.ContentType;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;

/**
 * Reads a 1,000,000-row XLSX with Kontor's streaming table reader and reports time and the heap it needed
 * (peak of the heap pools above the baseline before reading). Run with
 * {@code mvn -q -Pbench test-compile exec:java -Dbench=SpreadsheetBenchmark} (options {@code -Dbench.rows=1000000}).
 */
public final class SpreadsheetBenchmark {

    private SpreadsheetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path file = dir.resolve("rows-" + rows + ".xlsx");
        long writeStart = System.nanoTime();
        if (!Files.exists(file)) {
            write(file, rows);
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        System.gc();
        long baseline = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long read = 0;
        long quantitySum = 0;
        try (TableCursor cursor = new TableReader().open(file, ContentType.XLSX)) {
            cursor.header();
            while (cursor.hasNext()) {
                quantitySum += Long.parseLong(cursor.next().cell(1));
                read++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heapPeak();

        System.out.println();
        System.out.println("| spreadsheet | rows read | file MB | read s | rows/s | peak heap above baseline MB | max heap MB |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| %s | %,d | %.1f | %.1f | %,.0f | %.0f | %.0f |%n", file.getFileName(), read,
                Files.size(file) / 1e6, seconds, read / seconds, Math.max(0, peak - baseline) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf("(file written in %.1f s; checksum %d)%n", writeSeconds, quantitySum);
    }

    private static void write(Path file, int rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet("counts");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("sku");
            header.createCell(1).setCellValue("counted_quantity");
            header.createCell(2).setCellValue("bin");
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("SKU-" + (r % 50_000));
                row.createCell(1).setCellValue(r % 97);
                row.createCell(2).setCellValue("B-" + (r % 400));
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
