package org.kontor.inventory.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.kontor.document.content.ContentSniffer;
import org.kontor.document.content.ContentType;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;
import org.kontor.inventory.InventoryService;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Product;
import org.kontor.order.SkuMatcher;
import org.kontor.platform.config.KontorProperties;
import org.kontor.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock counts from sheet to posting: reads the sheet, compares each SKU with the book stock at the time of
 * counting, lets {@link VarianceRules} decide, posts what is accepted and records supervisors' and clerks'
 * decisions. Every step works in batches of {@value #BATCH} lines, so a count of any size needs little
 * memory, and every step can run again after a failure without posting anything twice.
 */
@Service
public class StockCountService {

    static final int BATCH = 500;
    static final int MAX_STORED_PROBLEMS = 1_000;
    static final String ROBOT = "robot";
    private static final Set<ContentType> SHEETS = Set.of(ContentType.CSV, ContentType.XLSX, ContentType.XLS);
    private static final Logger log = LoggerFactory.getLogger(StockCountService.class);

    private final StockCountRepository counts;
    private final ContentSniffer sniffer;
    private final TableReader tables;
    private final MasterDataService masterData;
    private final InventoryService inventory;
    private final VarianceRules rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path sheets;
    private final DocumentService documents;
    private final SkuMatcher skuMatcher;
    private final ObjectMapper json;

    StockCountService(StockCountRepository counts, ContentSniffer sniffer, TableReader tables, MasterDataService masterData,
            InventoryService inventory, VarianceRules rules, TransactionTemplate tx, Clock clock,
            KontorProperties properties, DocumentService documents, SkuMatcher skuMatcher, ObjectMapper json) {
        this.counts = counts;
        this.sniffer = sniffer;
        this.tables = tables;
        this.masterData = masterData;
        this.inventory = inventory;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
        this.sheets = properties.dataDir().resolve("counts");
        this.documents = documents;
        this.skuMatcher = skuMatcher;
        this.json = json;
    }

    /** What reading, evaluating and posting found; also the numbers a step hands to the process. */
    public record Summary(int lines, int problems, int toApprove, int toCount, int posted, int rejected) {
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Checks that the file is a readable count sheet (content, header) and keeps a copy for the process,
     * which reads it asynchronously. Throws UnsupportedContentException (415) or MissingColumnsException /
     * UnreadableTableException (422) for files that can never be read.
     */
    public StockCount receiveSheet(Path file, String fileName, LocalDateTime countedAt, String user) {
        ContentType type = sniffer.require(file, SHEETS, "a count sheet (CSV or XLSX)");
        try (TableCursor cursor = tables.open(file, type)) {
            CountSheetReader.columns(cursor.header());
        }
        String countId = UUID.randomUUID().toString();
        try {
            Files.createDirectories(sheets);
            Files.copy(file, sheetFile(countId), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the count sheet", e);
        }
        counts.insert(countId, CountSource.UPLOAD, CountStatus.RECEIVED, fileName, type.name(), countedAt, user);
        log.info("Count {}: sheet '{}' ({}) received from {}, counted at {}", countId, fileName, type, user, countedAt);
        return get(countId);
    }

    /**
     * Registers a scanned (or text-layer) count sheet from document intake, read from its OCR word boxes. Throws
     * {@link UnreadableCountSheetException}, registering nothing, when the document yields no line with a SKU
     * and a readable counted quantity: a clerk is better served by the document than by an empty count.
     */
    public StockCount receiveDocument(String documentId, String fileName, LocalDateTime countedAt, String user) {
        ScannedCountSheetReader.Reading reading = ScannedCountSheetReader.read(pages(documentId));
        if (reading.readable() == 0) {
            long blank = reading.lines().stream().filter(ScannedCountSheetReader.Line::blank).count();
            throw new UnreadableCountSheetException(!reading.tableFound()
                    ? "No count table found: no row names a SKU column and a counted-quantity column."
                    : reading.lines().isEmpty() ? "The count table has no rows with a SKU."
                    : blank == reading.lines().size() ? "The count sheet is not filled in: all " + blank
                            + " counted quantities are blank."
                    : "None of the " + reading.lines().size() + " counted quantities could be read.");
        }
        String countId = UUID.randomUUID().toString();
        Document document = documents.get(documentId);
        counts.insert(countId, CountSource.DOCUMENT, CountStatus.RECEIVED, fileName, document.contentType().name(),
                countedAt, user);
        counts.update(countId, "document_id", documentId);
        log.info("Count {}: scanned sheet '{}' (document {}, {} readable lines) received from {}, counted at {}",
                countId, fileName, documentId, reading.readable(), user, countedAt);
        return get(countId);
    }

    private List<OcrPage> pages(String documentId) {
        String pagesJson = documents.pagesJson(documentId).orElseThrow(() -> new IllegalStateException(
                "Document " + documentId + " has no digitised pages to read a count sheet from."));
        try {
            return json.readValue(pagesJson, new TypeReference<List<OcrPage>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("The digitised pages of document " + documentId + " cannot be read", e);
        }
    }

    /**
     * A scanned sheet's lines as a {@link CountSheetReader.Sheet}: blank and unreadable quantities become problems;
     * a SKU not in the master data is tried through OCR confusions (O/0, I/1, S/5, B/8, lost hyphens) and, if that
     * finds a single product, taken with less confidence (more if the description confirms it).
     */
    private CountSheetReader.Sheet scannedSheet(String documentId) {
        ScannedCountSheetReader.Reading reading = ScannedCountSheetReader.read(pages(documentId));
        CountSheetReader.Sheet sheet = new CountSheetReader.Sheet(MAX_STORED_PROBLEMS);
        Map<String, Product> known = masterData.products(reading.lines().stream().map(ScannedCountSheetReader.Line::sku)
                .distinct().toList());
        for (ScannedCountSheetReader.Line line : reading.lines()) {
            sheet.rowsRead++;
            if (line.quantity() == null) {
                sheet.problem(new CountProblem((long) line.row(), line.sku(), CountSheetReader.QUANTITY, line.blank()
                        ? "left blank on the sheet: not counted"
                        : "'" + abbreviate(line.quantityText()) + "' as read from the scan is not a whole number"));
                continue;
            }
            String sku = line.sku();
            double confidence = line.confidence();
            if (!known.containsKey(sku)) {
                SkuMatcher.Match match = skuMatcher.match(sku, line.description());
                if (match.product() != null && match.kind() != SkuMatcher.Kind.AMBIGUOUS) {
                    sku = match.product().sku();
                    confidence *= match.kind() == SkuMatcher.Kind.CONFUSABLE_CONFIRMED ? 0.9 : 0.6;
                }
            }
            sheet.add(line.row(), sku, line.bin(), Math.min(line.quantity(), CountSheetReader.MAX_QUANTITY), confidence);
        }
        return sheet;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    public void attachProcess(String countId, String processInstanceId) {
        counts.update(countId, "process_instance_id", processInstanceId);
    }

    public StockCount get(String countId) {
        return counts.find(countId).orElseThrow(() -> new NotFoundException("No stock count with id '" + countId + "' exists."));
    }

    // ---------------------------------------------------------------- reading

    /** Reads the stored sheet into one line per known SKU; unknown SKUs and unreadable rows become problems. */
    public Summary parse(String countId) {
        StockCount count = get(countId);
        CountSheetReader.Sheet sheet;
        if (count.source() == CountSource.DOCUMENT) {
            sheet = scannedSheet(count.documentId());
        } else {
            try (TableCursor cursor = tables.open(sheetFile(countId), ContentType.valueOf(count.contentType()))) {
                sheet = CountSheetReader.read(cursor, MAX_STORED_PROBLEMS);
            }
        }
        return tx.execute(status -> {
            counts.clearLinesAndProblems(countId);
            int lines = storeLines(count, sheet, 0);
            counts.insertProblems(countId, sheet.problems);
            counts.update(countId, "rows_read", (int) sheet.rowsRead);
            counts.update(countId, "problem_count", (int) sheet.problemCount);
            log.info("Count {}: {} rows read, {} SKUs to compare, {} problems", countId, sheet.rowsRead, lines,
                    sheet.problemCount);
            return new Summary(lines, (int) sheet.problemCount, 0, 0, 0, 0);
        });
    }

    /** Stores the totals of known SKUs as lines, in batches; SKUs not in the master data become problems. */
    private int storeLines(StockCount count, CountSheetReader.Sheet sheet, int lastLineNo) {
        int lineNo = lastLineNo;
        List<String> skus = new ArrayList<>(BATCH);
        for (var it = sheet.totals.entrySet().iterator(); it.hasNext(); ) {
            skus.add(it.next().getKey());
            if (skus.size() == BATCH || !it.hasNext()) {
                Map<String, Product> products = masterData.products(skus);
                List<CountLine> lines = new ArrayList<>(skus.size());
                for (String sku : skus) {
                    Product product = products.get(sku);
                    CountSheetReader.SkuTotal total = sheet.totals.get(sku);
                    if (product == null) {
                        sheet.problem(new CountProblem(null, sku, CountSheetReader.SKU,
                                "unknown SKU: not in the product master data (counted " + total.total() + ")"));
                        continue;
                    }
                    if (total.total() > CountSheetReader.MAX_QUANTITY) {
                        sheet.problem(new CountProblem(null, sku, CountSheetReader.QUANTITY,
                                "the bins add up to " + total.total() + ", more than " + CountSheetReader.MAX_QUANTITY));
                        continue;
                    }
                    lines.add(new CountLine(count.countId(), ++lineNo, sku, total.bins(), (int) total.total(),
                            count.countedAt(), 0, null, null, product.unitPrice(), null, product.abcClass(), null, null,
                            LineStatus.OPEN, null, null, count.source() == CountSource.DOCUMENT
                                    ? BigDecimal.valueOf(total.confidence()).setScale(3, RoundingMode.HALF_UP) : null));
                }
                counts.insertLines(lines);
                skus.clear();
            }
        }
        return lineNo - lastLineNo;
    }

    // ---------------------------------------------------------------- comparing and deciding

    /** Compares every OPEN line with the book stock at its counting time and lets the deployed DMN decide. */
    public Summary evaluate(String countId) {
        VarianceRules.Rules current = rules.latest();
        counts.update(countId, "decision_version", current.versionLabel());
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.OPEN))) {
            Map<LocalDateTime, List<String>> skusByTime = page.stream().collect(Collectors.groupingBy(
                    CountLine::countedAt, LinkedHashMap::new, Collectors.mapping(CountLine::sku, Collectors.toList())));
            Map<LocalDateTime, Map<String, Integer>> books = new HashMap<>();
            skusByTime.forEach((at, skus) -> books.put(at, inventory.bookStockAt(skus, at)));
            List<StockCountRepository.LineUpdate> updates = new ArrayList<>(page.size());
            for (CountLine line : page) {
                int expected = books.get(line.countedAt()).get(line.sku());
                int variance = line.countedQuantity() - expected;
                BigDecimal value = value(variance, line.unitPrice());
                VarianceRules.Outcome outcome = current.evaluate(variance, value, VarianceRules.share(variance, expected),
                        line.abcClass(), line.recounts(),
                        line.readingConfidence() == null ? 1.0 : line.readingConfidence().doubleValue());
                LineStatus status = switch (outcome.decision()) {
                    case AUTO_ACCEPT -> LineStatus.ACCEPTED;
                    case SUPERVISOR_APPROVAL -> LineStatus.PENDING_APPROVAL;
                    case RECOUNT -> LineStatus.RECOUNT;
                };
                updates.add(new StockCountRepository.LineUpdate(line.lineNo(), expected, variance, value,
                        outcome.decision().name(), outcome.reason(), status, null, null));
            }
            tx.executeWithoutResult(s -> counts.updateLines(countId, updates));
        }
        return summary(countId);
    }

    // ---------------------------------------------------------------- posting

    /**
     * Posts every ACCEPTED line as a count correction: the books are read again under lock, so the correction
     * is right even if goods moved since the evaluation. Lines that would drop below reserved stock are not
     * posted (NOT_POSTABLE, with a problem). Then tells the process what is next and sets the count's status.
     */
    public InventoryReconciliationProcess.NextStep postAccepted(String countId) {
        String reference = "count:" + countId;
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.ACCEPTED))) {
            tx.executeWithoutResult(s -> {
                List<InventoryService.CountCorrection> corrections = page.stream()
                        .map(l -> new InventoryService.CountCorrection(l.sku(), l.countedQuantity(), l.countedAt(),
                                reason(countId, l), l.decidedBy() == null ? ROBOT : l.decidedBy()))
                        .toList();
                List<InventoryService.CountPosting> postings = inventory.postCounts(corrections, reference);
                List<StockCountRepository.LineUpdate> updates = new ArrayList<>(page.size());
                List<CountProblem> problems = new ArrayList<>();
                for (int i = 0; i < page.size(); i++) {
                    CountLine line = page.get(i);
                    InventoryService.CountPosting p = postings.get(i);
                    updates.add(new StockCountRepository.LineUpdate(line.lineNo(), p.expected(), p.delta(),
                            value(p.delta(), line.unitPrice()), null, null,
                            p.posted() ? LineStatus.POSTED : LineStatus.NOT_POSTABLE, null, p.posted() ? p.delta() : null));
                    if (!p.posted()) {
                        problems.add(new CountProblem(null, line.sku(), CountSheetReader.QUANTITY, "not posted: counted "
                                + line.countedQuantity() + " plus the movements since would leave less on hand than is "
                                + "reserved; release or ship the reservations, then count again"));
                    }
                }
                counts.updateLines(countId, updates);
                storeProblems(countId, problems);
            });
        }
        Summary summary = summary(countId);
        InventoryReconciliationProcess.NextStep next = summary.toCount() > 0 ? InventoryReconciliationProcess.NextStep.RECOUNT
                : summary.toApprove() > 0 ? InventoryReconciliationProcess.NextStep.APPROVE
                : InventoryReconciliationProcess.NextStep.DONE;
        counts.update(countId, "status", switch (next) {
            case RECOUNT -> CountStatus.COUNTING;
            case APPROVE -> CountStatus.AWAITING_APPROVAL;
            case DONE -> CountStatus.POSTED;
        });
        log.info("Count {}: {} lines posted so far, {} to approve, {} to count again -> {}", countId, summary.posted(),
                summary.toApprove(), summary.toCount(), next);
        return next;
    }

    private static String reason(String countId, CountLine line) {
        String who = line.decidedBy() == null ? "accepted by rule" : "approved by " + line.decidedBy();
        return "stock count " + countId + " line " + line.lineNo() + ": " + who
                + (line.decisionReason() == null ? "" : " (" + line.decisionReason() + ")");
    }

    // ---------------------------------------------------------------- people's decisions

    /** The supervisor's answer; nothing changes when it is not valid. */
    public record Approval(boolean valid, String problems, int approved, int rejected, int recount) {
    }

    /**
     * All lines waiting for approval are approved except those listed to reject or to count again
     * ("3, 7-9"). Lists naming lines that are not waiting, or a line in both lists, are refused with a message
     * for the form.
     */
    public Approval recordApproval(String countId, String rejectText, String recountText, String approver) {
        Set<Integer> pending = new TreeSet<>();
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.PENDING_APPROVAL))) {
            page.forEach(l -> pending.add(l.lineNo()));
        }
        List<String> problems = new ArrayList<>();
        Set<Integer> reject = LineNumbers.parse(rejectText, "Reject", problems);
        Set<Integer> recount = LineNumbers.parse(recountText, "Count again", problems);
        for (Integer n : union(reject, recount)) {
            if (!pending.contains(n)) {
                problems.add("Line " + n + " is not waiting for approval.");
            }
        }
        Set<Integer> both = new TreeSet<>(reject);
        both.retainAll(recount);
        if (!both.isEmpty()) {
            problems.add("Lines " + both + " are both to reject and to count again: choose one.");
        }
        if (!problems.isEmpty()) {
            return new Approval(false, String.join(" ", problems), 0, 0, 0);
        }
        Set<Integer> approve = new TreeSet<>(pending);
        approve.removeAll(reject);
        approve.removeAll(recount);
        tx.executeWithoutResult(s -> {
            counts.decide(countId, approve, LineStatus.ACCEPTED, approver);
            counts.decide(countId, reject, LineStatus.REJECTED, approver);
            counts.decide(countId, recount, LineStatus.RECOUNT, approver);
        });
        log.info("Count {}: {} approved {} lines, rejected {}, sent {} to be counted again", countId, approver,
                approve.size(), reject, recount);
        return new Approval(true, null, approve.size(), reject.size(), recount.size());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** What a clerk is to count (cycle count or recount): pre-filled entries for the count-stock form. */
    public record CountRequest(int lines, String entries, String instructions) {
    }

    public CountRequest countRequest(String countId) {
        StringBuilder entries = new StringBuilder();
        StringBuilder table = new StringBuilder("| SKU | bins | why |\n|---|---|---|\n");
        int lines = 0;
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.TO_COUNT, LineStatus.RECOUNT))) {
            for (CountLine line : page) {
                lines++;
                entries.append(line.sku()).append(" = \n");
                if (table.length() < 2_500) {
                    table.append("| ").append(markdown(line.sku())).append(" | ").append(markdown(line.bins() == null ? "" : line.bins()))
                            .append(" | ").append(line.status() == LineStatus.TO_COUNT ? "cycle count" : "count again: "
                                    + (line.decidedBy() == null ? markdown(String.valueOf(line.decisionReason())) : "asked by " + line.decidedBy()))
                            .append(" |\n");
                }
            }
        }
        if (table.length() >= 2_500) {
            table.append("\n... and more: see [the count](/api/inventory/counts/").append(countId).append(").\n");
        }
        String instructions = "Count these " + lines + " SKUs (all bins) and write the quantity after each \"=\". "
                + "Leave a line empty if you could not count it.\n\n" + table;
        String text = entries.toString();
        // Camunda keeps string variables up to 4000 characters; larger recounts are entered as a sheet upload
        return new CountRequest(lines, text.length() <= 3_900 ? text : text.substring(0, text.lastIndexOf('\n', 3_900) + 1),
                instructions);
    }

    /**
     * A clerk's counts from the count-stock form: each counted SKU that was asked for is compared again.
     * A cycle-count SKU left empty is NOT_COUNTED; a recount left empty goes back to the supervisor with
     * the first count. SKUs not asked for are reported.
     */
    public Summary recordCounts(String countId, String entriesText, LocalDateTime countedAt, String countedBy) {
        CountSheetReader.Sheet sheet = CountSheetReader.readEntries(entriesText, MAX_STORED_PROBLEMS);
        Map<String, CountLine> waiting = new HashMap<>();
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.TO_COUNT, LineStatus.RECOUNT))) {
            page.forEach(l -> waiting.put(l.sku(), l));
        }
        List<CountProblem> problems = new ArrayList<>(sheet.problems);
        tx.executeWithoutResult(s -> {
            List<Integer> notCounted = new ArrayList<>();
            List<Integer> backToApproval = new ArrayList<>();
            for (CountLine line : waiting.values()) {
                CountSheetReader.SkuTotal total = sheet.totals.get(line.sku());
                if (total != null) {
                    counts.recount(countId, line.lineNo(), (int) Math.min(total.total(), CountSheetReader.MAX_QUANTITY),
                            countedAt, line.status() == LineStatus.RECOUNT);
                } else if (line.status() == LineStatus.TO_COUNT) {
                    notCounted.add(line.lineNo());
                } else {
                    backToApproval.add(line.lineNo());
                }
            }
            counts.decide(countId, notCounted, LineStatus.NOT_COUNTED, countedBy);
            counts.decide(countId, backToApproval, LineStatus.PENDING_APPROVAL, null);
            sheet.totals.keySet().stream().filter(sku -> !waiting.containsKey(sku)).forEach(sku -> problems.add(
                    new CountProblem(null, sku, CountSheetReader.SKU, "was not asked for in this count; not used")));
            storeProblems(countId, problems);
        });
        log.info("Count {}: {} entered counts for {} of {} SKUs", countId, countedBy,
                sheet.totals.keySet().stream().filter(waiting::containsKey).count(), waiting.size());
        return summary(countId);
    }

    // ---------------------------------------------------------------- cycle counts

    /**
     * Starts a cycle count of at most {@code maxItems} SKUs that are due: class A every
     * {@code intervalDays[A]} days, B and C less often; never counted counts as most overdue. Returns the
     * count id, or null if nothing is due.
     */
    public String startCycleCount(int maxItems, Map<String, Integer> intervalDays, String user) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, LocalDateTime> last = counts.lastPostedCounts();
        Set<String> busy = new java.util.HashSet<>(counts.skusBeingCounted());
        List<Map.Entry<Product, Double>> due = new ArrayList<>();
        for (int offset = 0; ; offset += BATCH) {
            List<Product> page = masterData.products(BATCH, offset);
            if (page.isEmpty()) {
                break;
            }
            for (Product product : page) {
                if (busy.contains(product.sku())) {
                    continue;
                }
                int interval = intervalDays.getOrDefault(product.abcClass() == null ? "C" : product.abcClass(), 90);
                LocalDateTime lastCounted = last.get(product.sku());
                double overdue = lastCounted == null ? 1_000_000.0
                        : java.time.Duration.between(lastCounted, now).toHours() / 24.0 / interval;
                if (overdue >= 1.0) {
                    // A before B before C among the never-counted, then the most overdue
                    double rank = overdue + ("A".equals(product.abcClass()) ? 2 : "B".equals(product.abcClass()) ? 1 : 0);
                    due.add(Map.entry(product, rank));
                }
            }
        }
        if (due.isEmpty()) {
            return null;
        }
        due.sort(Map.Entry.<Product, Double>comparingByValue().reversed());
        String countId = UUID.randomUUID().toString();
        List<CountLine> lines = new ArrayList<>();
        for (Map.Entry<Product, Double> entry : due.subList(0, Math.min(maxItems, due.size()))) {
            Product p = entry.getKey();
            lines.add(new CountLine(countId, lines.size() + 1, p.sku(), null, null, null, 0, null, null, p.unitPrice(), null,
                    p.abcClass(), null, null, LineStatus.TO_COUNT, null, null, null));
        }
        tx.executeWithoutResult(s -> {
            counts.insert(countId, CountSource.CYCLE_COUNT, CountStatus.COUNTING, null, null, now, user);
            counts.insertLines(lines);
        });
        log.info("Count {}: cycle count of {} SKUs ({} due)", countId, lines.size(), due.size());
        return countId;
    }

    // ---------------------------------------------------------------- reading back

    /**
     * The lines of {@code statuses}, a window of {@value #BATCH} line numbers at a time (see
     * {@link StockCountRepository#window}); lines changed while walking are not seen twice.
     */
    Iterable<List<CountLine>> pages(String countId, Set<LineStatus> statuses) {
        int max = counts.maxLineNo(countId);
        return () -> new java.util.Iterator<>() {
            private int from = 0;
            private List<CountLine> next;

            @Override
            public boolean hasNext() {
                while ((next == null || next.isEmpty()) && from < max) {
                    next = counts.window(countId, statuses, from, from + BATCH);
                    from += BATCH;
                }
                return next != null && !next.isEmpty();
            }

            @Override
            public List<CountLine> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                List<CountLine> page = next;
                next = null;
                return page;
            }
        };
    }

    public Summary summary(String countId) {
        Map<LineStatus, Long> byStatus = counts.countByStatus(countId);
        int lines = byStatus.values().stream().mapToInt(Long::intValue).sum();
        StockCount count = get(countId);
        return new Summary(lines, count.problemCount(), byStatus.getOrDefault(LineStatus.PENDING_APPROVAL, 0L).intValue(),
                (int) (byStatus.getOrDefault(LineStatus.RECOUNT, 0L) + byStatus.getOrDefault(LineStatus.TO_COUNT, 0L)),
                byStatus.getOrDefault(LineStatus.POSTED, 0L).intValue(),
                byStatus.getOrDefault(LineStatus.REJECTED, 0L).intValue());
    }

    public Map<LineStatus, Long> countByStatus(String countId) {
        return counts.countByStatus(countId);
    }

    /**
     * The lines numbered after {@code afterLineNo} up to {@code afterLineNo + window} of {@code statuses} (all if
     * empty): a range of the primary key, so paging through a count costs the same on every page.
     */
    public List<CountLine> lines(String countId, Set<LineStatus> statuses, int afterLineNo, int window) {
        return statuses.isEmpty() ? counts.window(countId, afterLineNo, afterLineNo + window)
                : counts.window(countId, statuses, afterLineNo, afterLineNo + window);
    }

    public int lastLineNo(String countId) {
        return counts.maxLineNo(countId);
    }

    public List<CountProblem> problems(String countId, int limit) {
        return counts.problems(countId, limit);
    }

    public List<StockCount> recent(int limit, int offset) {
        return counts.recent(limit, offset);
    }

    public void setStatus(String countId, CountStatus status) {
        counts.update(countId, "status", status);
    }

    void setReportFile(String countId, String fileName) {
        counts.update(countId, "report_file", fileName);
    }

    /**
     * A short markdown table of the lines waiting for approval for the approve-variances form (Camunda
     * keeps string variables up to 4000 characters); the full list is a link away.
     */
    public String approvalTable(String countId) {
        StringBuilder table = new StringBuilder(
                "| line | SKU | counted | book | variance | EUR | rule |\n|---:|---|---:|---:|---:|---:|---|\n");
        int shown = 0;
        int total = 0;
        for (List<CountLine> page : pages(countId, EnumSet.of(LineStatus.PENDING_APPROVAL))) {
            for (CountLine l : page) {
                total++;
                String row = "| " + l.lineNo() + " | " + markdown(l.sku()) + " | " + l.countedQuantity() + " | "
                        + l.expectedQuantity() + " | " + signed(l.variance()) + " | " + l.varianceValue() + " | "
                        + markdown(String.valueOf(l.decisionReason())) + " |\n";
                if (table.length() + row.length() < 3_300) {
                    table.append(row);
                    shown++;
                }
            }
        }
        if (shown < total) {
            table.append("\n").append(total - shown).append(" more lines: [all lines waiting for approval](/api/inventory/counts/")
                    .append(countId).append("?status=PENDING_APPROVAL&limit=1000)\n");
        }
        return table.toString();
    }

    private void storeProblems(String countId, List<CountProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        int room = Math.max(0, MAX_STORED_PROBLEMS - counts.storedProblems(countId));
        counts.insertProblems(countId, problems.subList(0, Math.min(room, problems.size())));
        counts.addProblemCount(countId, problems.size());
    }

    Path sheetFile(String countId) {
        return sheets.resolve(countId + ".sheet");
    }

    static BigDecimal value(int variance, BigDecimal unitPrice) {
        return (unitPrice == null ? BigDecimal.ZERO : unitPrice).multiply(BigDecimal.valueOf(variance))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static String signed(Integer n) {
        return n == null ? "" : n > 0 ? "+" + n : n.toString();
    }

    /** Table cells come from sheets: no markdown, links or HTML of theirs reaches the form. */
    static String markdown(String text) {
        return text.replaceAll("[|\\\\`*_\\[\\]<>#!()\\r\\n{}]", " ");
    }
}
