package org.kontor.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.kontor.platform.config.KontorProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Puts an upload on disk under the data directory for the duration of one call, then removes it. */
@Component
public class UploadedFiles {

    private final Path tmp;

    public UploadedFiles(KontorProperties properties) {
        this.tmp = properties.dataDir().resolve("tmp");
    }

    public <T> T withFile(MultipartFile upload, Function<Path, T> work) {
        if (upload == null || upload.isEmpty()) {
            throw new BadRequestException("The multipart part 'file' is missing or empty.");
        }
        Path file = null;
        try {
            Files.createDirectories(tmp);
            file = Files.createTempFile(tmp, "upload-", ".bin");
            upload.transferTo(file);
            return work.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless and cleared with the folder
                }
            }
        }
    }
}
