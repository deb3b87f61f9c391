package org.kontor.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import org.kontor.platform.config.KontorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes files dropped into {@code inbox/} into document intake. A file is claimed by an atomic move into
 * {@code inbox/processing/} (so two cluster nodes never take the same file), then moved to
 * {@code inbox/done/}, or to {@code inbox/failed/} with a {@code .reason.txt} beside it saying why.
 */
@Component
class InboxWatcher {

    static final String VIA_INBOX = "INBOX";
    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DocumentIntakeService intake;
    private final InboxProperties properties;
    private final Clock clock;
    private final Path inbox;
    private final Path processing;
    private final Path done;
    private final Path failed;

    InboxWatcher(DocumentIntakeService intake, InboxProperties properties, KontorProperties kontor, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.inbox = kontor.dataDir().resolve("inbox");
        this.processing = inbox.resolve("processing");
        this.done = inbox.resolve("done");
        this.failed = inbox.resolve("failed");
    }

    Path folder() {
        return inbox;
    }

    @Scheduled(fixedDelayString = "${kontor.inbox.poll-interval:2s}", initialDelayString = "${kontor.inbox.poll-interval:2s}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Files.createDirectories(processing);
            Files.createDirectories(done);
            Files.createDirectories(failed);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, Files::isRegularFile)) {
                for (Path file : files) {
                    if (isReady(file)) {
                        take(file);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Inbox {} cannot be read: {}", inbox, e.getMessage());
        }
    }

    private boolean isReady(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".crdownload")) {
            return false;
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return modified.plus(properties.settleTime()).isBefore(clock.instant());
    }

    private void take(Path file) {
        String name = file.getFileName().toString();
        String stamped = STAMP.format(clock.instant()) + "-" + name;
        Path claimed = processing.resolve(stamped);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException takenByAnotherNode) {
            return;
        } catch (IOException e) {
            log.warn("Inbox file {} cannot be claimed: {}", name, e.getMessage());
            return;
        }
        try {
            DocumentIntakeService.Intake result = intake.receive(claimed, name, VIA_INBOX, "inbox");
            moveQuietly(claimed, done.resolve(stamped));
            log.info("Inbox file {} taken in as document {}{}", name, result.documentId(),
                    result.created() ? "" : " (same bytes as an earlier document)");
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            moveQuietly(claimed, failed.resolve(stamped));
            writeReason(failed.resolve(stamped + ".reason.txt"), name, reason);
            log.warn("Inbox file {} refused: {}", name, reason);
        }
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    private static void writeReason(Path file, String name, String reason) {
        try {
            Files.writeString(file, "File: " + name + "\nRefused: " + reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", file, e.getMessage());
        }
    }
}
