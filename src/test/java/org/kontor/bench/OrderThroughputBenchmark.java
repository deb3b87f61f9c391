package org.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.kontor.KontorApplication;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.document.content.ContentType;
import org.kontor.document.corpus.PurchaseOrderCorpus;
import org.kontor.document.corpus.PurchaseOrderCorpus.Sample;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.TesseractPool;
import org.kontor.intake.OrderIntakeProcess;
import org.kontor.intake.OrderIntakeService;
import org.kontor.inventory.InventoryService;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.DemoMasterData;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Product;
import org.kontor.order.Order;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.kontor.platform.RestClientSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Order-intake throughput of the whole application (SPEC §8, issue 4 item 9), in one run on one booted Kontor:
 *
 * <ul>
 * <li><b>Part A, scans.</b> One-page purchase-order scans (PNG, layout families of {@link PurchaseOrderCorpus},
 * customers and SKUs of the demo master data, unique PO numbers) are uploaded through {@code POST /api/documents}
 * as user {@code integration}; each document is followed until it rests: its order CONFIRMED (straight through),
 * back-ordered, waiting for a clerk's order review, or waiting in document intake (classification or triage),
 * or failed. Against that, the same pages through OCR alone: the application's own {@link DigitiseService} (the
 * same pooled engines, decode + deskew + OCR, exactly what the digitising robot calls) on as many threads as the
 * pool has engines, once before and once after the pipeline. Goal: everything beyond OCR adds at most 25%.
 * <li><b>Part B, JSON.</b> Straight-through JSON orders against a bare process the benchmark deploys itself
 * (start, one no-op service task that is async with a retry cycle like every robot step, end), both started the
 * same way: over HTTP as {@code integration} ({@code POST /api/orders} vs. Camunda's
 * {@code POST /engine-rest/process-definition/key/../start}) and in-process ({@link OrderIntakeService} vs.
 * {@link RuntimeService}). Same engine, same history level (full), same job executor. Measured from the first
 * submission until the last instance has ended; rounds alternate and each keeps its best. Goal: an order costs at
 * most 3x a bare instance.
 * </ul>
 *
 * <p>{@code mvn -q -Pbench test-compile exec:java -Dbench=OrderThroughputBenchmark}; options
 * {@code -Dbench.scans=16 -Dbench.warmup=200 -Dbench.json=300 -Dbench.clients=4 -Dbench.rounds=2 -Dbench.split=mixed|dev|heldout
 * -Dbench.parts=scans,json}; diagnostics: {@code -Dbench.sqlStatistics=true} (H2's statement counts: over Part A's
 * pipeline, and in Part B per instance of each contender in an extra pass after the measured rounds) and
 * {@code -Dbench.jfr=true} (Part B's measured rounds recorded with JFR into {@code target/bench-throughput/jfr/}; deep
 * stacks need {@code MAVEN_OPTS=-XX:FlightRecorderOptions:stackdepth=1024}). The application runs as in production (demo profile, job executor on with its
 * default settings, H2 file database, web server on a free port); its log goes to
 * {@code target/bench-throughput/kontor.log}, warnings also to the console.
 */
public final class OrderThroughputBenchmark {

    static final String BARE_KEY = "bench-bare";
    static final String BARE_TASK = "Task_NoOp";
    static final String BARE_DELEGATE = "benchNoOpDelegate";
    static final String BARE_VARIABLE = "reference";

    private static final Path WORK = Path.of("target/bench-throughput");
    private static final String USER = "integration";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int scans = Integer.getInteger("bench.scans", 16);
        // the JIT compiles what a server runs thousands of times: after 8 documents it still spends 0.12-0.21 CPU s per
        // further document compiling engine, H2, MyBatis and extraction code, after 200 a third to half of that (README)
        int scanWarmUp = Integer.getInteger("bench.warmup", 200);
        int jsonOrders = Integer.getInteger("bench.json", 300);
        int clients = Integer.getInteger("bench.clients", 4);
        int rounds = Integer.getInteger("bench.rounds", 2);
        String split = System.getProperty("bench.split", "mixed");
        Set<String> parts = Set.of(System.getProperty("bench.parts", "scans,json").split(","));
        long seed = Long.getLong("bench.seed", 20261122L);

        // a fresh database and document store each run; the unpacked natives and DJL cache may stay
        FileSystemUtils.deleteRecursively(WORK.resolve("data/db"));
        FileSystemUtils.deleteRecursively(WORK.resolve("data/documents"));
        FileSystemUtils.deleteRecursively(WORK.resolve("scans"));
        Files.deleteIfExists(WORK.resolve("kontor.log"));
        Files.createDirectories(WORK);
        System.out.printf("Starting Kontor (demo profile, H2 file database under %s, job executor on, web server) ...%n", WORK);
        long boot = System.nanoTime();
        ApplicationContextInitializer<ConfigurableApplicationContext> noOp = context -> context.getBeanFactory()
                .registerSingleton(BARE_DELEGATE, (JavaDelegate) execution -> { });
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KontorApplication.class)
                .profiles("demo").initializers(noOp)
                // command-line arguments: they win over application.yml (builder properties would not)
                // the database is application.yml's H2 file database under the data directory, as in production
                .run("--server.port=0", "--kontor.data-dir=./" + WORK.resolve("data"),
                        "--logging.file.name=" + WORK.resolve("kontor.log"), "--logging.threshold.console=WARN")) {
            System.out.printf("Started in %.1f s%n", (System.nanoTime() - boot) / 1e9);
            Kontor kontor = new Kontor(context);
            kontor.topUpStock();
            System.out.println(kontor.describe());
            if (parts.contains("scans")) {
                new ScanPart(kontor, scans, scanWarmUp, split, seed).run();
            }
            if (parts.contains("json")) {
                new JsonPart(kontor, jsonOrders, clients, rounds, seed).run();
            }
        }
    }

    /** The running application and the beans the benchmark drives or watches. */
    static final class Kontor {
        final ConfigurableApplicationContext context;
        final RestClientSupport rest;
        final ProcessEngine engine;
        final DocumentService documents;
        final OrderService orders;
        final MasterDataService masterData;
        final TesseractPool ocrPool;
        final JdbcClient jdbc;

        Kontor(ConfigurableApplicationContext context) {
            this.context = context;
            this.rest = new RestClientSupport(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            this.engine = context.getBean(ProcessEngine.class);
            this.documents = context.getBean(DocumentService.class);
            this.orders = context.getBean(OrderService.class);
            this.masterData = context.getBean(MasterDataService.class);
            this.ocrPool = context.getBean(TesseractPool.class);
            this.jdbc = context.getBean(JdbcClient.class);
        }

        /** Enough stock that no benchmark order is back-ordered (a receipt, as the goods-receipt API books it). */
        void topUpStock() {
            InventoryService inventory = context.getBean(InventoryService.class);
            for (Product product : masterData.allProducts()) {
                inventory.receive(product.sku(), 1_000_000, "bench", "bench");
            }
        }

        String describe() {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            JobExecutor jobs = configuration.getJobExecutor();
            var pool = context.getBean(CamundaBpmProperties.class).getJobExecution();
            return String.format(Locale.ROOT, "%d cores; OCR pool %d engines; job executor: %d core / %d max threads, queue %d, "
                            + "%d jobs per acquisition, idle wait %d ms; history level %s; database %s",
                    Runtime.getRuntime().availableProcessors(), ocrPool.size(), pool.getCorePoolSize(), pool.getMaxPoolSize(),
                    pool.getQueueCapacity(), jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(),
                    configuration.getHistoryLevel().getName(), context.getEnvironment().getProperty("spring.datasource.url"));
        }

        HistoryService history() {
            return engine.getHistoryService();
        }

        long incidents() {
            return engine.getRuntimeService().createIncidentQuery().count();
        }
    }

    // ------------------------------------------------------------------------------------------------ Part A

    enum Rest {
        CONFIRMED("straight through: CONFIRMED"),
        BACKORDERED("back-ordered"),
        ORDER_REVIEW("order review (clerk)"),
        REJECTED("rejected"),
        DOCUMENT_TASK("classification/triage (clerk)"),
        FAILED("failed or incident");

        final String label;

        Rest(String label) {
            this.label = label;
        }
    }

    static final class Scan {
        final Sample sample;
        final byte[] png;
        final Path file;
        String documentId;
        String documentInstance;
        long uploadStart;
        long uploadEnd;
        Rest rest;
        long restedAt;

        Scan(Sample sample, byte[] png, Path file) {
            this.sample = sample;
            this.png = png;
            this.file = file;
        }

        long latency() {
            return restedAt - uploadStart;
        }
    }

    static final class ScanPart {
        private final Kontor kontor;
        private final int count;
        private final int warmUpCount;
        private final String split;
        private final long seed;

        ScanPart(Kontor kontor, int count, int warmUpCount, String split, long seed) {
            this.kontor = kontor;
            this.count = count;
            this.warmUpCount = warmUpCount;
            this.split = split;
            this.seed = seed;
        }

        void run() throws Exception {
            System.out.printf("%nPart A: rendering %d + %d warm-up purchase-order scans (%s layout families) ...%n", count,
                    warmUpCount, split);
            List<Scan> all = render(count + warmUpCount);
            List<Scan> warmUp = all.subList(count, count + warmUpCount);
            List<Scan> scans = all.subList(0, count);
            int parallelism = kontor.ocrPool.size();
            DigitiseService digitiser = kontor.context.getBean(DigitiseService.class);

            // OCR alone is a little Java around native code and warm after a few pages (the pipeline's warm-up runs the
            // same code again); the pipeline is Camunda, H2, MyBatis, Spring and extraction, which the JIT compiles
            // for a hundred documents and more (see the README)
            List<Scan> ocrWarmUp = warmUp.subList(0, Math.min(warmUp.size(), 8));
            System.out.printf("Warming up (%d scans through the pipeline, %d through OCR alone) ...%n", warmUpCount,
                    ocrWarmUp.size());
            ocrAlone(digitiser, ocrWarmUp, parallelism);
            pipeline(warmUp);

            System.out.printf("OCR alone, %d pages on %d threads ...%n", count, parallelism);
            Timed ocrBefore = ocrAlone(digitiser, scans, parallelism);
            System.out.printf("  %.1f s%nPipeline: %d uploads through POST /api/documents, each followed until it rests ...%n",
                    ocrBefore.seconds(), count);
            long incidentsBefore = kontor.incidents();
            boolean sqlStatistics = Boolean.getBoolean("bench.sqlStatistics");
            if (sqlStatistics) {
                kontor.jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 1000").update();
                kontor.jdbc.sql("SET QUERY_STATISTICS TRUE").update();
            }
            Timed pipeline = pipeline(scans);
            if (sqlStatistics) {
                sqlStatistics(scans.size());
            }
            long incidents = kontor.incidents() - incidentsBefore;
            System.out.printf("  %.1f s%nOCR alone again ...%n", pipeline.seconds());
            Timed ocrAfter = ocrAlone(digitiser, scans, parallelism);
            System.out.printf("  %.1f s%n", ocrAfter.seconds());
            report(scans, parallelism, ocrBefore, ocrAfter, pipeline, incidents);
            steps(scans);
        }

        private List<Scan> render(int n) throws Exception {
            PurchaseOrderCorpus corpus = new PurchaseOrderCorpus(seed, DemoMasterData.load());
            Path dir = Files.createDirectories(WORK.resolve("scans"));
            Set<String> keys = new HashSet<>();
            List<Scan> scans = new ArrayList<>();
            for (int index = 0; scans.size() < n; index++) {
                boolean heldOut = switch (split) {
                    case "dev" -> false;
                    case "heldout" -> true;
                    default -> index % 2 == 1;
                };
                Sample sample = corpus.sample(heldOut, index);
                // one order per customer and PO: a repeated pair would be a duplicate, not a new order
                if (!keys.add(sample.truth().customerNumber() + "/" + sample.truth().poNumber())) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(corpus.render(sample), "png", out);
                Path file = dir.resolve(sample.id() + ".png");
                Files.write(file, out.toByteArray());
                scans.add(new Scan(sample, out.toByteArray(), file));
            }
            return scans;
        }

        /** H2's statement statistics over the pipeline (diagnostics, {@code -Dbench.sqlStatistics=true}). */
        private void sqlStatistics(int documents) {
            OrderThroughputBenchmark.sqlStatistics(kontor.jdbc, documents, "document");
        }

        /** The digitising robot's own call on every page, {@code parallelism} at a time; seconds for the batch. */
        private static Timed ocrAlone(DigitiseService digitiser, List<Scan> scans, int parallelism) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(parallelism);
            try {
                ThreadCpu.Snapshot threadsBefore = ThreadCpu.take();
                double cpu = cpuSeconds();
                long start = System.nanoTime();
                List<Future<Integer>> pages = new ArrayList<>();
                for (Scan scan : scans) {
                    pages.add(threads.submit(() -> digitiser.digitise(scan.file, ContentType.PNG).pages().size()));
                }
                for (Future<Integer> page : pages) {
                    page.get();
                }
                double used = cpuSeconds() - cpu;
                return new Timed((System.nanoTime() - start) / 1e9, used,
                        ThreadCpu.byKind(threadsBefore, ThreadCpu.take(), used));
            } finally {
                threads.shutdown();
            }
        }

        /** Uploads the scans one after another (a scanner's batch) and waits until every one rests; seconds. */
        private Timed pipeline(List<Scan> scans) throws Exception {
            ThreadCpu.Snapshot threadsBefore = ThreadCpu.take();
            double cpu = cpuSeconds();
            long first = System.currentTimeMillis();
            for (Scan scan : scans) {
                scan.uploadStart = System.currentTimeMillis();
                HttpResponse<String> response = kontor.rest.postMultipart("/api/documents", USER, scan.sample.id() + ".png",
                        scan.png);
                scan.uploadEnd = System.currentTimeMillis();
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("Upload of " + scan.sample.id() + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                JsonNode body = JSON.readTree(response.body());
                scan.documentId = body.get("documentId").asText();
                scan.documentInstance = body.get("processInstanceId").asText();
            }
            long incidentsAtStart = kontor.incidents();
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10) + scans.size() * 30_000L;
            while (scans.stream().anyMatch(s -> s.rest == null)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Documents did not come to rest: " + scans.stream()
                            .filter(s -> s.rest == null).map(s -> s.documentId).toList());
                }
                Thread.sleep(500);
                // one query for all documents, the engine's queries only for those that may be at rest: polling
                // every document through the engine cost the pipeline's measurement CPU, garbage and JIT work
                Set<String> candidates = mayRest(scans);
                boolean newIncidents = kontor.incidents() > incidentsAtStart;
                for (Scan scan : scans) {
                    if (scan.rest == null && (newIncidents || candidates.contains(scan.documentId))) {
                        observe(scan);
                    }
                }
            }
            double used = cpuSeconds() - cpu;
            return new Timed((scans.stream().mapToLong(s -> s.restedAt).max().orElseThrow() - first) / 1000.0, used,
                    ThreadCpu.byKind(threadsBefore, ThreadCpu.take(), used));
        }

        /**
         * The documents not yet at rest whose own status or order status says they may be: failed, the order decided
         * or waiting for a clerk, or the document waiting for a clerk in document intake (unsure classification, or a
         * type no process takes).
         */
        private Set<String> mayRest(List<Scan> scans) {
            List<String> pending = scans.stream().filter(s -> s.rest == null).map(s -> s.documentId).toList();
            Set<String> candidates = new HashSet<>();
            kontor.jdbc.sql("SELECT d.document_id, d.status, d.document_type, o.status FROM document d "
                            + "LEFT JOIN customer_order o ON o.document_id = d.document_id WHERE d.document_id IN (:ids)")
                    .param("ids", pending).query((rs, row) -> {
                        String documentStatus = rs.getString(2);
                        String orderStatus = rs.getString(4);
                        boolean rests = DocumentStatus.FAILED.name().equals(documentStatus) || (orderStatus != null
                                ? !OrderStatus.RECEIVED.name().equals(orderStatus)
                                : DocumentStatus.IN_REVIEW.name().equals(documentStatus)
                                        || DocumentStatus.CLASSIFIED.name().equals(documentStatus)
                                                && !"PURCHASE_ORDER".equals(rs.getString(3)));
                        if (rests) {
                            candidates.add(rs.getString(1));
                        }
                        return null;
                    }).list();
            return candidates;
        }

        /** Where the document stands; the time it came to rest is taken from the engine's history where it can be. */
        private void observe(Scan scan) {
            long now = System.currentTimeMillis();
            var runtime = kontor.engine.getRuntimeService();
            // the status column only: the benchmark's own polling should cost the pipeline as little as possible
            String documentStatus = kontor.jdbc.sql("SELECT status FROM document WHERE document_id = :id").param("id", scan.documentId)
                    .query(String.class).single();
            Optional<Order> order = kontor.orders.findByDocument(scan.documentId);
            if (DocumentStatus.FAILED.name().equals(documentStatus)
                    || runtime.createIncidentQuery().processInstanceId(scan.documentInstance).count() > 0) {
                rest(scan, Rest.FAILED, now);
                return;
            }
            if (order.isEmpty()) {
                Task task = kontor.engine.getTaskService().createTaskQuery().processInstanceId(scan.documentInstance)
                        .singleResult();
                if (task != null) {
                    rest(scan, Rest.DOCUMENT_TASK, task.getCreateTime().getTime());
                }
                return;
            }
            String orderInstance = order.get().processInstanceId();
            if (orderInstance != null && runtime.createIncidentQuery().processInstanceId(orderInstance).count() > 0) {
                rest(scan, Rest.FAILED, now);
                return;
            }
            OrderStatus status = order.get().status();
            switch (status) {
                case CONFIRMED, REJECTED -> {
                    HistoricProcessInstance ended = kontor.history().createHistoricProcessInstanceQuery()
                            .processInstanceId(orderInstance).finished().singleResult();
                    if (ended != null) {
                        rest(scan, status == OrderStatus.CONFIRMED ? Rest.CONFIRMED : Rest.REJECTED, ended.getEndTime().getTime());
                    }
                }
                case BACKORDERED -> rest(scan, Rest.BACKORDERED, now);
                case IN_REVIEW -> {
                    Task task = kontor.engine.getTaskService().createTaskQuery().processInstanceId(orderInstance)
                            .taskDefinitionKey(OrderIntakeProcess.USER_TASK_REVIEW).singleResult();
                    if (task != null) {
                        rest(scan, Rest.ORDER_REVIEW, task.getCreateTime().getTime());
                    }
                }
                default -> {
                }
            }
        }

        private static void rest(Scan scan, Rest rest, long at) {
            scan.rest = rest;
            scan.restedAt = at;
        }

        private void report(List<Scan> scans, int parallelism, Timed ocrBefore, Timed ocrAfter, Timed pipeline,
                long incidents) {
            int n = scans.size();
            Timed ocr = Timed.mean(ocrBefore, ocrAfter);
            System.out.printf("%nPart A: %d one-page scans (%s), OCR parallelism %d, uploads by HTTP as '%s'%n", n, split,
                    parallelism, USER);
            System.out.printf("%-44s %9s %11s %9s %10s %10s%n", "what", "wall s", "pages/hour", "vs OCR", "CPU s/page",
                    "vs OCR");
            row("OCR alone, before the pipeline", ocrBefore, n, null);
            row("OCR alone, after the pipeline", ocrAfter, n, null);
            row("OCR alone, mean", ocr, n, null);
            row("pipeline: upload -> every document at rest", pipeline, n, ocr);
            double wall = (pipeline.seconds() / ocr.seconds() - 1) * 100;
            double cpu = (pipeline.cpuSeconds() / ocr.cpuSeconds() - 1) * 100;
            System.out.printf("goal: everything beyond OCR adds <= 25%% -> wall time %+.1f%% %s, CPU time %+.1f%% %s%n", wall,
                    wall <= 25 ? "MET" : "NOT MET", cpu, cpu <= 25 ? "MET" : "NOT MET");

            cpuByKind(n, ocr, pipeline);

            System.out.printf("%n%-36s %6s %9s %9s %9s %9s%n", "came to rest as", "count", "p50 s", "p90 s", "max s",
                    "per hour");
            for (Rest rest : Rest.values()) {
                List<Long> latencies = scans.stream().filter(s -> s.rest == rest).map(Scan::latency).sorted().toList();
                if (latencies.isEmpty()) {
                    System.out.printf("%-36s %6d%n", rest.label, 0);
                    continue;
                }
                System.out.printf("%-36s %6d %9.1f %9.1f %9.1f %9.0f%n", rest.label, latencies.size(),
                        percentile(latencies, 50) / 1000.0, percentile(latencies, 90) / 1000.0,
                        latencies.get(latencies.size() - 1) / 1000.0, latencies.size() / pipeline.seconds() * 3600);
            }
            System.out.printf("(latency: upload started -> order-intake instance ended CONFIRMED, or the clerk's task created; "
                    + "uploads one after another, %.0f ms each; incidents during the run: %d)%n",
                    scans.stream().mapToLong(s -> s.uploadEnd - s.uploadStart).average().orElse(0), incidents);
        }

        private static final String JIT = ThreadCpu.kind("C2 CompilerThre");

        /** Where the CPU went, per page and kind of thread: what the pipeline spends beyond OCR, and on what. */
        private static void cpuByKind(int pages, Timed ocr, Timed pipeline) {
            if (pipeline.cpuByKind().values().stream().allMatch(s -> s == 0)) {
                return;
            }
            System.out.printf("%n%-44s %12s %12s %12s%n", "CPU s/page by thread (from /proc)", "OCR alone", "pipeline",
                    "difference");
            for (String kind : pipeline.cpuByKind().keySet()) {
                double o = ocr.cpuByKind().getOrDefault(kind, 0.0) / pages;
                double p = pipeline.cpuByKind().get(kind) / pages;
                if (o >= 0.0005 || p >= 0.0005) {
                    System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f %+12.3f%n", kind, o, p, p - o);
                }
            }
            System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f %+12.3f%n", "total (JVM)", ocr.cpuSeconds() / pages,
                    pipeline.cpuSeconds() / pages, (pipeline.cpuSeconds() - ocr.cpuSeconds()) / pages);
            // the compilers' share falls the longer the JVM runs the pipeline; without it, what a warm server spends
            double ocrJit = ocr.cpuByKind().getOrDefault(JIT, 0.0);
            double pipelineJit = pipeline.cpuByKind().getOrDefault(JIT, 0.0);
            System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f %+12.3f  %+.1f%% vs OCR%n", "total without the JIT compilers",
                    (ocr.cpuSeconds() - ocrJit) / pages, (pipeline.cpuSeconds() - pipelineJit) / pages,
                    (pipeline.cpuSeconds() - pipelineJit - ocr.cpuSeconds() + ocrJit) / pages,
                    ((pipeline.cpuSeconds() - pipelineJit) / (ocr.cpuSeconds() - ocrJit) - 1) * 100);
        }

        private static void row(String what, Timed t, int pages, Timed ocr) {
            System.out.printf("%-44s %9.1f %11.0f %9s %10.2f %10s%n", what, t.seconds(), pages / t.seconds() * 3600,
                    ocr == null ? "" : String.format(Locale.ROOT, "%+.1f%%", (t.seconds() / ocr.seconds() - 1) * 100),
                    t.cpuSeconds() / pages,
                    ocr == null ? "" : String.format(Locale.ROOT, "%+.1f%%", (t.cpuSeconds() / ocr.cpuSeconds() - 1) * 100));
        }

        /**
         * Where a document's time goes, from the engine's history: each robot step's own duration (the job running,
         * OCR-pool waits included) and the time its job waited in the queue before a thread took it.
         */
        private void steps(List<Scan> scans) {
            HistoryService history = kontor.history();
            Set<String> instances = new HashSet<>();
            for (Scan scan : scans) {
                instances.add(scan.documentInstance);
                kontor.orders.findByDocument(scan.documentId).map(Order::processInstanceId).ifPresent(instances::add);
            }
            Map<String, List<long[]>> byStep = new LinkedHashMap<>();
            for (String instance : instances) {
                List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance).orderPartiallyByOccurrence().asc().list();
                Date previousEnd = history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                        .getStartTime();
                for (HistoricActivityInstance a : activities) {
                    if (!"serviceTask".equals(a.getActivityType())) {
                        if (a.getEndTime() != null && !"subProcess".equals(a.getActivityType())) {
                            previousEnd = a.getEndTime();
                        }
                        continue;
                    }
                    if (a.getEndTime() == null) {
                        continue;
                    }
                    long queued = Math.max(0, a.getStartTime().getTime() - previousEnd.getTime());
                    byStep.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>())
                            .add(new long[] {a.getDurationInMillis(), queued});
                    previousEnd = a.getEndTime();
                }
            }
            System.out.printf("%n%-36s %6s %14s %14s%n", "robot step (history)", "runs", "mean run ms", "mean queued ms");
            byStep.forEach((step, runs) -> System.out.printf("%-36s %6d %14.0f %14.0f%n", step, runs.size(),
                    runs.stream().mapToLong(r -> r[0]).average().orElse(0),
                    runs.stream().mapToLong(r -> r[1]).average().orElse(0)));
        }
    }

    // ------------------------------------------------------------------------------------------------ Part B

    /** Starts one instance; answers its process instance id. */
    @FunctionalInterface
    interface Starter {
        String start(int round, int index) throws Exception;
    }

    record Measured(String name, int instances, double seconds, double cpuSeconds, double submitSeconds, long p50Ms,
            long p95Ms, long notStraightThrough, Map<String, Double> cpuByKind) {
        double perSecond() {
            return instances / seconds;
        }
    }

    static final class JsonPart {
        private final Kontor kontor;
        private final int count;
        private final int clients;
        private final int rounds;
        private final List<Product> products;
        private final List<Customer> customers;
        private final Random random;
        private final AtomicInteger sequence = new AtomicInteger();

        JsonPart(Kontor kontor, int count, int clients, int rounds, long seed) {
            this.kontor = kontor;
            this.count = count;
            this.clients = clients;
            this.rounds = rounds;
            this.products = kontor.masterData.allProducts();
            this.customers = kontor.masterData.allCustomers();
            this.random = new Random(seed);
        }

        void run() throws Exception {
            deployBareProcess();
            OrderIntakeService intake = kontor.context.getBean(OrderIntakeService.class);
            RuntimeService runtime = kontor.engine.getRuntimeService();
            Map<String, Starter> starters = new LinkedHashMap<>();
            starters.put("bare process, HTTP /engine-rest start", (round, i) -> {
                ObjectNode body = JSON.createObjectNode().put("businessKey", "bare-" + round + "-" + i);
                body.putObject("variables").putObject(BARE_VARIABLE).put("value", "ref-" + round + "-" + i).put("type", "String");
                return post("/engine-rest/process-definition/key/" + BARE_KEY + "/start", body, 200).get("id").asText();
            });
            starters.put("JSON order, HTTP POST /api/orders",
                    (round, i) -> post("/api/orders", orderJson(), 201).get("processInstanceId").asText());
            starters.put("bare process, RuntimeService", (round, i) -> runtime.startProcessInstanceByKey(BARE_KEY,
                    "bare-" + round + "-" + i, Variables.createVariables().putValue(BARE_VARIABLE, "ref-" + round + "-" + i)).getId());
            starters.put("JSON order, OrderIntakeService",
                    (round, i) -> intake.receive(orderDraft(), OrderSource.JSON, null, USER).processInstanceId());

            System.out.printf("%nPart B: warming up (%d of each) ...%n", Math.min(count, 100));
            for (Map.Entry<String, Starter> starter : starters.entrySet()) {
                measure(starter.getKey(), starter.getValue(), 0, Math.min(count, 100));
            }
            Map<String, Measured> best = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                // alternating rounds, each contender keeps its best: a build next door should not decide the ratio
                for (Map.Entry<String, Starter> starter : starters.entrySet()) {
                    int r = round;
                    Measured m = recorded(starter.getKey(), r, () -> measure(starter.getKey(), starter.getValue(), r, count));
                    System.out.printf("  round %d: %-40s %8.1f instances/s%n", round, starter.getKey(), m.perSecond());
                    best.merge(starter.getKey(), m, (a, b) -> a.perSecond() >= b.perSecond() ? a : b);
                }
            }
            report(best);
            if (Boolean.getBoolean("bench.sqlStatistics")) {
                // a pass of its own after the measured rounds: statistics cost CPU and must not be in them
                for (Map.Entry<String, Starter> starter : starters.entrySet()) {
                    kontor.jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 1000").update();
                    kontor.jdbc.sql("SET QUERY_STATISTICS TRUE").update();
                    measure(starter.getKey(), starter.getValue(), rounds + 1, count);
                    System.out.printf("%n%s:", starter.getKey());
                    sqlStatistics(kontor.jdbc, count, "instance");
                }
            }
        }

        /**
         * {@code -Dbench.jfr=true}: each measured round of each contender recorded with JFR's profiling settings into
         * {@code target/bench-throughput/jfr/} (diagnostics: where the CPU goes; the recording costs some itself).
         */
        private static Measured recorded(String name, int round, Callable<Measured> measure) throws Exception {
            if (!Boolean.getBoolean("bench.jfr")) {
                return measure.call();
            }
            Path dir = Files.createDirectories(WORK.resolve("jfr"));
            try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
                recording.start();
                Measured m = measure.call();
                recording.stop();
                recording.dump(dir.resolve(name.replaceAll("[^A-Za-z]+", "-") + "-round" + round + ".jfr"));
                return m;
            }
        }

        private void deployBareProcess() {
            BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_KEY).name("Benchmark: bare process")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Bare")
                    .serviceTask(BARE_TASK).name("No-op").camundaAsyncBefore()
                    .camundaDelegateExpression("${" + BARE_DELEGATE + "}").camundaFailedJobRetryTimeCycle("R3/PT30S")
                    .endEvent("EndEvent_Bare")
                    .done();
            kontor.engine.getRepositoryService().createDeployment().name("bench-bare")
                    .addModelInstance(BARE_KEY + ".bpmn", bare).deploy();
        }

        /** {@code instances} starts from {@code clients} threads; done when the last instance has ended. */
        private Measured measure(String name, Starter starter, int round, int instances) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            ThreadCpu.Snapshot threadsBefore = ThreadCpu.take();
            double cpu = cpuSeconds();
            long start = System.currentTimeMillis();
            try {
                AtomicInteger next = new AtomicInteger();
                List<Future<Void>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    Callable<Void> client = () -> {
                        for (int i = next.getAndIncrement(); i < instances; i = next.getAndIncrement()) {
                            ids.add(starter.start(round, i));
                        }
                        return null;
                    };
                    futures.add(threads.submit(client));
                }
                for (Future<Void> future : futures) {
                    future.get();
                }
            } catch (Exception e) {
                threads.shutdown();
                throw e;
            }
            long submitted = System.currentTimeMillis();
            Set<String> instanceIds = new HashSet<>(ids);
            HistoryService history = kontor.history();
            long deadline = submitted + TimeUnit.MINUTES.toMillis(10);
            // Waiting costs CPU inside the measured span, more the longer a contender runs: ask how many instances of
            // the process started since this round began are still running (an index range), not which of the
            // round's ids have ended (an IN list of hundreds of ids, which cost up to 3 ms of CPU per order).
            // Only the benchmark starts these processes meanwhile; the ids are checked once more below.
            String key = name.startsWith("bare") ? BARE_KEY : OrderIntakeProcess.KEY;
            Date since = new Date(start - TimeUnit.SECONDS.toMillis(1));
            long running;
            while ((running = history.createHistoricProcessInstanceQuery().processDefinitionKey(key).startedAfter(since)
                    .unfinished().count()) > 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(name + ": " + running + " of " + instanceIds.size()
                            + " instances still running after 10 minutes (incidents: " + kontor.incidents() + ")");
                }
                Thread.sleep(500);
            }
            double cpuUsed = cpuSeconds() - cpu;
            // the client threads end with their pool: after the snapshot, so that their CPU is theirs
            Map<String, Double> byKind = ThreadCpu.byKind(threadsBefore, ThreadCpu.take(), cpuUsed);
            threads.shutdown();
            List<HistoricProcessInstance> done = history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds)
                    .finished().list();
            if (done.size() != instanceIds.size()) {
                throw new IllegalStateException(name + ": only " + done.size() + " of " + instanceIds.size() + " instances ended");
            }
            long last = done.stream().mapToLong(h -> h.getEndTime().getTime()).max().orElseThrow();
            List<Long> durations = done.stream().map(HistoricProcessInstance::getDurationInMillis).sorted().toList();
            long notConfirmed = done.stream().filter(h -> h.getProcessDefinitionKey().equals(OrderIntakeProcess.KEY))
                    .filter(h -> !OrderIntakeProcess.END_EVENT_CONFIRMED.equals(h.getEndActivityId())).count();
            return new Measured(name, instances, (last - start) / 1000.0, cpuUsed, (submitted - start) / 1000.0,
                    percentile(durations, 50), percentile(durations, 95), notConfirmed, byKind);
        }

        private JsonNode post(String path, JsonNode body, int expected) throws Exception {
            HttpResponse<String> response = kontor.rest.postJson(path, USER, JSON.writeValueAsString(body));
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        /** A valid order: known customer and SKUs, catalogue prices, a total that adds up, a unique PO number. */
        private synchronized OrderDraft orderDraft() {
            Customer customer = customers.get(random.nextInt(customers.size()));
            List<Product> shuffled = new ArrayList<>(products);
            Collections.shuffle(shuffled, random);
            List<OrderDraft.Line> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Product product : shuffled.subList(0, 1 + random.nextInt(3))) {
                int quantity = 1 + random.nextInt(10);
                BigDecimal price = product.unitPrice().setScale(2, RoundingMode.HALF_UP);
                lines.add(new OrderDraft.Line(product.sku(), product.name(), quantity, price));
                total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
            LocalDate today = LocalDate.now();
            return new OrderDraft(customer.customerNumber(), null, "BENCH-" + sequence.incrementAndGet(),
                    today, today.plusDays(3), null, total, lines);
        }

        private JsonNode orderJson() {
            OrderDraft draft = orderDraft();
            ObjectNode order = JSON.createObjectNode().put("poNumber", draft.poNumber())
                    .put("customerNumber", draft.customerNumber()).put("orderDate", draft.orderDate().toString())
                    .put("requestedDeliveryDate", draft.requestedDeliveryDate().toString()).put("total", draft.total());
            var lines = order.putArray("lines");
            for (OrderDraft.Line line : draft.lines()) {
                lines.addObject().put("sku", line.sku()).put("description", line.description())
                        .put("quantity", line.quantity()).put("unitPrice", line.unitPrice());
            }
            return order;
        }

        private void report(Map<String, Measured> best) {
            System.out.printf("%nPart B: %d instances per round from %d client threads, best of %d rounds (after warm-up)%n",
                    count, clients, rounds);
            System.out.printf("%-40s %8s %9s %8s %9s %8s %8s %8s %8s%n", "what", "inst/s", "wall ms", "vs bare", "CPU ms",
                    "vs bare", "submit s", "p50 ms", "p95 ms");
            List<String> ratios = new ArrayList<>();
            Measured bare = null;
            for (Measured m : best.values()) {
                String wallRatio = "";
                String cpuRatio = "";
                if (m.name().startsWith("bare")) {
                    bare = m;
                } else if (bare != null) {
                    double wall = bare.perSecond() / m.perSecond();
                    double cpu = m.cpuSeconds() / bare.cpuSeconds();
                    wallRatio = String.format(Locale.ROOT, "%.2fx", wall);
                    cpuRatio = String.format(Locale.ROOT, "%.2fx", cpu);
                    ratios.add(String.format(Locale.ROOT, "%s: wall %.2fx %s, CPU %.2fx %s",
                            m.name().substring(m.name().indexOf(',') + 2), wall, wall <= 3 ? "MET" : "NOT MET", cpu,
                            cpu <= 3 ? "MET" : "NOT MET"));
                }
                System.out.printf("%-40s %8.1f %9.2f %8s %9.2f %8s %8.1f %8d %8d%n", m.name(), m.perSecond(),
                        1000 / m.perSecond(), wallRatio, m.cpuSeconds() * 1000 / m.instances(), cpuRatio, m.submitSeconds(),
                        m.p50Ms(), m.p95Ms());
                if (m.notStraightThrough() > 0) {
                    System.out.printf("  !! %d orders did not end CONFIRMED%n", m.notStraightThrough());
                }
            }
            System.out.printf("(inst/s and wall ms: from the first start until the last instance has ended; CPU ms: the JVM's "
                    + "CPU time over the same span per instance, the HTTP client's share included; p50/p95: one instance's "
                    + "start -> end from the history)%ngoal: an order costs <= 3x a bare instance%n  %s%n",
                    String.join("\n  ", ratios));
            cpuByKind(best);
        }

        /** CPU ms per instance by kind of thread ({@link ThreadCpu}), and the ratios without the JIT compilers. */
        private static void cpuByKind(Map<String, Measured> best) {
            if (best.values().stream().allMatch(m -> m.cpuByKind().values().stream().allMatch(s -> s == 0))) {
                return;
            }
            // Part A's names; in Part B the pool threads are the in-process clients
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("job executor (robots, OCR)", "job exec");
            labels.put("OCR-alone threads", "clients");
            labels.put("web server (uploads)", "web");
            labels.put("benchmark client (upload, polling)", "HTTP/poll");
            labels.put("garbage collector", "GC");
            labels.put("JIT compilers", "JIT");
            labels.put("other", "other");
            labels.put("ended threads", "ended");
            StringBuilder header = new StringBuilder(String.format("%n%-40s", "CPU ms per instance by thread"));
            labels.values().forEach(l -> header.append(String.format("%10s", l)));
            System.out.println(header.append(String.format("%10s %8s", "w/o JIT", "vs bare")));
            Measured bare = null;
            for (Measured m : best.values()) {
                StringBuilder row = new StringBuilder(String.format("%-40s", m.name()));
                labels.keySet().forEach(k -> row.append(String.format(Locale.ROOT, "%10.2f",
                        m.cpuByKind().getOrDefault(k, 0.0) * 1000 / m.instances())));
                double withoutJit = (m.cpuSeconds() - m.cpuByKind().getOrDefault("JIT compilers", 0.0)) * 1000 / m.instances();
                row.append(String.format(Locale.ROOT, "%10.2f", withoutJit));
                if (m.name().startsWith("bare")) {
                    bare = m;
                } else if (bare != null) {
                    double bareWithoutJit = (bare.cpuSeconds() - bare.cpuByKind().getOrDefault("JIT compilers", 0.0)) * 1000
                            / bare.instances();
                    row.append(String.format(Locale.ROOT, " %7.2fx", withoutJit / bareWithoutJit));
                }
                System.out.println(row);
            }
        }
    }

    /**
     * H2's statement statistics since {@code SET QUERY_STATISTICS TRUE} (diagnostics, {@code -Dbench.sqlStatistics=true}),
     * per {@code unit}; turns them off. The benchmark's own queries (polling the history) are among them.
     */
    static void sqlStatistics(JdbcClient jdbc, int units, String unit) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, "
                + "CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC")
                .query().listOfRows();
        // after reading: turning them off drops them
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        long count = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        double ms = rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        System.out.printf(Locale.ROOT, "%nSQL: %d statements (%.1f per %s), %.0f ms in H2 (%.2f per %s)%n",
                count, count / (double) units, unit, ms, ms / units, unit);
        rows.stream().sorted((a, b) -> Long.compare(((Number) b.get("EXECUTION_COUNT")).longValue(),
                ((Number) a.get("EXECUTION_COUNT")).longValue())).limit(60).forEach(r -> {
                    String sql = String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ");
                    System.out.printf(Locale.ROOT, "%8.2f %8.0f ms  %s%n",
                            ((Number) r.get("EXECUTION_COUNT")).longValue() / (double) units,
                            ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), sql.substring(0, Math.min(150, sql.length())));
                });
    }

    /** CPU time of the whole JVM (all threads, Tesseract's native code included), in seconds. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1e9;
    }

    /** Wall and CPU seconds of one phase, and the CPU seconds by kind of thread ({@link ThreadCpu}). */
    record Timed(double seconds, double cpuSeconds, Map<String, Double> cpuByKind) {

        static Timed mean(Timed a, Timed b) {
            Map<String, Double> kinds = new LinkedHashMap<>();
            a.cpuByKind().forEach((kind, s) -> kinds.put(kind, (s + b.cpuByKind().getOrDefault(kind, 0.0)) / 2));
            return new Timed((a.seconds() + b.seconds()) / 2, (a.cpuSeconds() + b.cpuSeconds()) / 2, kinds);
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
