package org.kontor.document.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.document.content.ContentType;

class TableReaderTest {

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    @Test
    void csvDelimiterQuotingBlankLinesAndRowNumbers() throws IOException {
        Path file = write("a.csv", "\uFEFFSKU;Name;Qty\n\nA-1;\"Paper; white\";3\n;;\nB-2;Pens;4\n");
        try (TableCursor cursor = reader.open(file, ContentType.CSV)) {
            assertThat(cursor.header()).containsExactly("SKU", "Name", "Qty");
            List<TableRow> rows = new ArrayList<>();
            cursor.forEachRemaining(rows::add);
            assertThat(rows).extracting(TableRow::rowNumber).containsExactly(3L, 5L);
            assertThat(rows.get(0).cells()).containsExactly("A-1", "Paper; white", "3");
        }
    }

    @Test
    void emptyFileHasNoHeader() throws IOException {
        Path file = write("e.csv", "\n\n");
        try (TableCursor cursor = reader.open(file, ContentType.CSV)) {
            assertThatThrownBy(cursor::header).isInstanceOf(UnreadableTableException.class).hasMessageContaining("empty");
        }
    }

    @Test
    void zipBombXlsxIsRefusedWithAClearMessage() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        Files.write(file, org.kontor.document.digitise.HostileFiles.zipBombXlsx());
        assertThatThrownBy(() -> {
            try (TableCursor cursor = reader.open(file, ContentType.XLSX)) {
                cursor.header();
            }
        }).isInstanceOf(UnreadableTableException.class);
    }

    @Test
    void decimalsInEveryLocale() {
        assertThat(RowValues.parseDecimal("1234.5")).isEqualByComparingTo("1234.5");
        assertThat(RowValues.parseDecimal("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(RowValues.parseDecimal("1234,5")).isEqualByComparingTo("1234.5");
        assertThat(RowValues.parseDecimal("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(RowValues.parseDecimal("12,50")).isEqualByComparingTo("12.5");
        assertThat(RowValues.parseDecimal("0,125")).isEqualByComparingTo(new BigDecimal("0.125"));
        assertThat(RowValues.parseDecimal("abc")).isNull();
    }

    @Test
    void columnsMatchIgnoringCaseAndPunctuation() {
        Columns columns = Columns.of(List.of("Unit Price", "SKU", "reorder-point"));
        assertThat(columns.find("unit_price")).contains(0);
        assertThat(columns.find("item", "sku")).contains(1);
        assertThat(columns.find("reorder_point")).contains(2);
        assertThat(columns.find("weight_kg")).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
