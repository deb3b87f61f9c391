package org.kontor.document.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its bytes. Uploads carry names and Content-Types chosen by whoever sent
 * them; only the content is trusted. Nothing here decodes the file beyond its first few kilobytes
 * (and, for ZIP containers, the central directory), so it is safe on hostile input.
 */
@Component
public class ContentSniffer {

    private static final int TEXT_SAMPLE_BYTES = 64 * 1024;

    public Optional<ContentType> detect(Path file) {
        byte[] head = readHead(file, TEXT_SAMPLE_BYTES);
        if (head.length == 0) {
            return Optional.empty();
        }
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(ContentType.PDF);
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(ContentType.PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(ContentType.JPEG);
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of(ContentType.TIFF);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return isXlsx(file) ? Optional.of(ContentType.XLSX) : Optional.empty();
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            // OLE2 container: Excel 97-2003 or another Office format; the spreadsheet reader tells them apart.
            return Optional.of(ContentType.XLS);
        }
        return detectText(head);
    }

    /** Detects the type and insists it is one of {@code accepted}. */
    public ContentType require(Path file, java.util.Set<ContentType> accepted, String what) {
        ContentType type = detect(file).orElseThrow(() -> new UnsupportedContentException(
                "The file is not " + what + ": its content matches none of " + describe(accepted) + "."));
        if (!accepted.contains(type)) {
            throw new UnsupportedContentException("The file is " + type.name() + ", but " + what
                    + " must be one of " + describe(accepted) + ".");
        }
        return type;
    }

    private static String describe(java.util.Set<ContentType> types) {
        return types.stream().map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("nothing");
    }

    private static Optional<ContentType> detectText(byte[] head) {
        if (!isText(head)) {
            return Optional.empty();
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && (head[i] == '{' || head[i] == '[')) {
            return Optional.of(ContentType.JSON);
        }
        return Optional.of(ContentType.CSV);
    }

    /**
     * Text means: valid UTF-8 (a sequence cut at the sample's end is fine) or, for spreadsheet exports
     * in a Windows code page, bytes without C0 control characters other than tab, CR, LF and form feed.
     */
    static boolean isText(byte[] sample) {
        for (byte b : sample) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
            if (c == 0x7F) {
                return false;
            }
        }
        return decodesAsUtf8(sample) || looksLikeSingleByteText(sample);
    }

    private static boolean decodesAsUtf8(byte[] sample) {
        int end = sample.length;
        // Do not fail on a multi-byte sequence cut by the sample boundary.
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int c = sample[end - back] & 0xFF;
            if ((c & 0xC0) == 0xC0) {
                end -= back;
                break;
            }
            if ((c & 0x80) == 0) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean looksLikeSingleByteText(byte[] sample) {
        long high = 0;
        for (byte b : sample) {
            if ((b & 0x80) != 0) {
                high++;
            }
        }
        // Latin text in Windows-1252 has some accented letters, not a majority of high bytes
        // (binary data is already ruled out by its control characters).
        return high * 10 <= sample.length * 3L;
    }

    private static boolean isXlsx(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readHead(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read uploaded file", e);
        }
    }
}
