package org.kontor.document.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {

    @TempDir
    Path dir;

    private final ContentSniffer sniffer = new ContentSniffer();

    @Test
    void recognisesFormatsByMagicBytes() throws IOException {
        assertThat(sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ContentType.PDF);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).isEqualTo(ContentType.PNG);
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo(ContentType.JPEG);
        assertThat(sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})).isEqualTo(ContentType.TIFF);
        assertThat(sniff(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})).isEqualTo(ContentType.TIFF);
        assertThat(sniff("sku;qty\nA;1\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(ContentType.CSV);
        assertThat(sniff("\uFEFF  {\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ContentType.JSON);
        assertThat(sniff("name\nMüller Straße\n".getBytes(Charset.forName("windows-1252")))).isEqualTo(ContentType.CSV);
    }

    @Test
    void xlsxIsAZipWithAWorkbookOtherZipsAreNot() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("a");
            workbook.write(out);
        }
        assertThat(sniff(out.toByteArray())).isEqualTo(ContentType.XLSX);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<w/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(sniffer.detect(write(zip.toByteArray()))).isEmpty();
    }

    @Test
    void randomBytesAndEmptyFilesAreNothing() throws IOException {
        byte[] junk = new byte[8192];
        for (int seed = 0; seed < 20; seed++) {
            new Random(seed).nextBytes(junk);
            assertThat(sniffer.detect(write(junk))).as("seed %d", seed).isEmpty();
        }
        assertThat(sniffer.detect(write(new byte[0]))).isEmpty();
    }

    @Test
    void requireExplainsWhatWasExpected() throws IOException {
        Path png = write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        assertThatThrownBy(() -> sniffer.require(png, Set.of(ContentType.CSV, ContentType.XLSX), "a count sheet"))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessage("The file is PNG, but a count sheet must be one of CSV, XLSX.");
    }

    private ContentType sniff(byte[] bytes) throws IOException {
        return sniffer.detect(write(bytes)).orElseThrow();
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".bin");
        Files.write(file, bytes);
        return file;
    }
}
