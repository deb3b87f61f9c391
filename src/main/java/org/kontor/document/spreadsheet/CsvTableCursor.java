package org.kontor.document.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as written by spreadsheet programs and other systems: comma, semicolon or tab separated (decided
 * from the first line), UTF-8 with or without BOM, or Windows-1252 when the bytes are not UTF-8.
 */
final class CsvTableCursor extends AbstractTableCursor {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int MAX_FIELD_CHARS = 100_000;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvTableCursor(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvTableCursor open(Path file) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(64 * 1024);
            }
            Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            char delimiter = guessDelimiter(new String(head, charset));
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true)
                    .setMaxRows(0)
                    .get();
            return new CsvTableCursor(CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (IOException e) {
            throw new UnreadableTableException("The CSV file cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    protected TableRow readRow() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            for (String value : record) {
                if (value.length() > MAX_FIELD_CHARS) {
                    throw new UnreadableTableException("Line " + record.getRecordNumber()
                            + " has a field longer than " + MAX_FIELD_CHARS + " characters; is this really a CSV file?");
                }
                cells.add(value.strip());
            }
            return new TableRow(record.getRecordNumber(), cells);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableTableException("The CSV file is malformed: " + rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    static char guessDelimiter(String sample) {
        int end = sample.indexOf('\n');
        String firstLine = end < 0 ? sample : sample.substring(0, end);
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            int count = countOutsideQuotes(firstLine, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static boolean isUtf8(byte[] sample) {
        int end = sample.length;
        while (end > 0 && end > sample.length - 4 && (sample[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
