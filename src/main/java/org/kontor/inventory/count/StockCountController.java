package org.kontor.inventory.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.NotFoundException;
import org.kontor.platform.web.UploadedFiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class StockCountController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReconciliationStarter starter;
    private final StockCountService counts;
    private final ReconciliationReportWriter reports;
    private final ReplenishmentService replenishment;
    private final UploadedFiles uploads;
    private final Clock clock;

    StockCountController(ReconciliationStarter starter, StockCountService counts, ReconciliationReportWriter reports,
            ReplenishmentService replenishment, UploadedFiles uploads, Clock clock) {
        this.starter = starter;
        this.counts = counts;
        this.reports = reports;
        this.replenishment = replenishment;
        this.uploads = uploads;
        this.clock = clock;
    }

    record CountView(String countId, String status, String source, String fileName, LocalDateTime countedAt,
            String createdBy, String processInstanceId, int rowsRead, String decisionTable,
            Map<String, Long> linesByStatus, int problemCount, List<CountProblem> problems, List<CountLine> lines,
            Integer nextAfterLineNo, String reportUrl, String documentId) {
    }

    record CountListItem(String countId, String status, String source, String fileName, LocalDateTime countedAt,
            String createdBy, int problemCount) {
    }

    /**
     * A count sheet (CSV or XLSX: sku, counted_quantity[, bin]); {@code countedAt} (ISO-8601, UTC if no offset) is
     * when the counting was done, default now: movements after it are allowed for.
     */
    @PostMapping(path = "/api/inventory/counts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReconciliationStarter.Started> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "countedAt", required = false) String countedAt, Principal principal) {
        LocalDateTime at = countedAt(countedAt);
        ReconciliationStarter.Started started = uploads.withFile(file,
                path -> starter.start(path, file.getOriginalFilename(), at, principal.getName()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/inventory/counts/" + started.countId()).body(started);
    }

    @GetMapping("/api/inventory/counts")
    List<CountListItem> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return counts.recent(Math.min(Math.max(limit, 1), 500), Math.max(offset, 0)).stream()
                .map(c -> new CountListItem(c.countId(), c.status().name(), c.source().name(), c.fileName(), c.countedAt(),
                        c.createdBy(), c.problemCount()))
                .toList();
    }

    /**
     * Status, problems and a page of lines: those numbered after {@code after} up to {@code after + limit}, of
     * {@code status} if given; {@code nextAfterLineNo} is where the next page starts.
     */
    @GetMapping("/api/inventory/counts/{id}")
    CountView get(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int after, @RequestParam(defaultValue = "1000") int limit) {
        StockCount count = counts.get(id);
        int pageSize = Math.min(Math.max(limit, 1), 5_000);
        List<CountLine> lines = counts.lines(id, statuses(status), Math.max(after, 0), pageSize);
        Map<String, Long> byStatus = counts.countByStatus(id).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
        return new CountView(count.countId(), count.status().name(), count.source().name(), count.fileName(),
                count.countedAt(), count.createdBy(), count.processInstanceId(), count.rowsRead(), count.decisionVersion(),
                byStatus, count.problemCount(), counts.problems(id, StockCountService.MAX_STORED_PROBLEMS), lines,
                Math.max(after, 0) + pageSize < counts.lastLineNo(id) ? Math.max(after, 0) + pageSize : null,
                count.reportFile() == null ? null : "/api/inventory/counts/" + id + "/report", count.documentId());
    }

    @GetMapping("/api/inventory/counts/{id}/report")
    ResponseEntity<Resource> report(@PathVariable String id) {
        StockCount count = counts.get(id);
        Path file = reports.reportFile(count.countId());
        if (count.reportFile() == null || !Files.exists(file)) {
            throw new NotFoundException("The reconciliation report of count " + id + " is not written yet (status "
                    + count.status() + "); it is written once every line is decided.");
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX)).contentLength(Files.size(file))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("reconciliation-" + id + ".xlsx").build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new FileSystemResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/inventory/replenishment")
    List<ReplenishmentSuggestion> replenishment(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        String s = status.toUpperCase(Locale.ROOT);
        if (!Set.of(ReplenishmentSuggestion.OPEN, ReplenishmentSuggestion.ORDERED, ReplenishmentSuggestion.DISMISSED).contains(s)) {
            throw new BadRequestException("status must be OPEN, ORDERED or DISMISSED, was '" + status + "'.");
        }
        return replenishment.list(s, Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0));
    }

    private LocalDateTime countedAt(String text) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (text == null || text.isBlank()) {
            return now;
        }
        LocalDateTime at;
        try {
            at = OffsetDateTime.parse(text.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(text.strip());
            } catch (DateTimeParseException e2) {
                throw new BadRequestException("countedAt must be an ISO-8601 date-time such as 2026-03-01T07:30:00Z, was '"
                        + abbreviate(text) + "'.");
            }
        }
        if (at.isAfter(now.plusMinutes(5))) {
            throw new BadRequestException("countedAt " + at + " (UTC) is in the future.");
        }
        return at;
    }

    private static Set<LineStatus> statuses(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.noneOf(LineStatus.class);
        }
        try {
            return Arrays.stream(text.split(",")).map(s -> LineStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(LineStatus.class)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one or more of " + Arrays.toString(LineStatus.values()) + ".");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
