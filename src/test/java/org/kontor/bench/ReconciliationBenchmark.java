package org.kontor.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.kontor.KontorApplication;
import org.kontor.inventory.count.ReconciliationReportWriter;
import org.kontor.inventory.count.ReplenishmentService;
import org.kontor.inventory.count.StockCount;
import org.kontor.inventory.count.StockCountService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.util.FileSystemUtils;

/**
 * Reconciles a 200,000-line count sheet (goal: at most 60 s and 512 MB heap) through the same services the
 * process uses: receive (sniff, header), parse, compare with the books + DMN per line, post what the rules
 * accept, approve the rest, post, write the report, raise replenishment. Embedded H2 file database, no web
 * server, no job executor. Run with
 * {@code MAVEN_OPTS=-Xmx512m mvn -q -Pbench test-compile exec:java -Dbench=ReconciliationBenchmark}; option
 * {@code -Dbench.lines=200000}.
 *
 * <p>The sheet: 95% of the SKUs counted exactly, 4% off by one unit, 0.75% far off, plus unknown SKUs and
 * unreadable quantities; every SKU in one bin, every twentieth in two.
 */
public final class ReconciliationBenchmark {

    private static final Path WORK = Path.of("target/bench-reconciliation");
    /** CPU time of the benchmark thread (embedded H2 runs in it): the work itself, whatever else loads the machine. */
    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("bench.lines", 200_000);
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        System.out.printf("Starting Kontor (H2 file database under %s, no web server, no job executor) ...%n", WORK);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KontorApplication.class)
                .web(WebApplicationType.NONE).profiles("bench")
                // command-line arguments: they win over application.yml (builder properties would not)
                .run("--kontor.data-dir=" + WORK.resolve("data"),
                        "--spring.datasource.url=jdbc:h2:file:./" + WORK.resolve("db/kontor") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false",
                        // no web server: Camunda's REST API (Jersey) needs one
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                        "--logging.level.root=warn", "--logging.level.org.kontor.bench=info")) {
            int skus = lines - lines / 20;
            System.out.printf("Setting up %,d products with stock ...%n", skus);
            setUp(context.getBean(NamedParameterJdbcTemplate.class), skus);
            Path sheet = writeSheet(WORK.resolve("count-sheet.csv"), skus, lines);
            System.out.printf("Count sheet: %,d lines, %,d KB%n%n", lines, Files.size(sheet) / 1024);

            StockCountService counts = context.getBean(StockCountService.class);
            ReconciliationReportWriter reports = context.getBean(ReconciliationReportWriter.class);
            ReplenishmentService replenishment = context.getBean(ReplenishmentService.class);
            Clock clock = context.getBean(Clock.class);
            System.gc();
            resetPeaks();
            List<String[]> rows = new ArrayList<>();
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            StockCount count = time(rows, "receive (sniff, header, store)",
                    () -> counts.receiveSheet(sheet, "count-sheet.csv", LocalDateTime.now(clock), "bench"));
            String id = count.countId();
            StockCountService.Summary parsed = time(rows, "parse sheet into lines", () -> counts.parse(id));
            StockCountService.Summary evaluated = time(rows, "compare with books + DMN", () -> counts.evaluate(id));
            time(rows, "post accepted by rule", () -> counts.postAccepted(id));
            StockCountService.Approval approval = time(rows, "approve the rest",
                    () -> counts.recordApproval(id, "", "", "bench-supervisor"));
            time(rows, "post approved", () -> counts.postAccepted(id));
            Path report = time(rows, "write report (SXSSF)", () -> reports.write(id));
            int suggestions = time(rows, "raise replenishment", () -> replenishment.raiseFor(id).size());
            double total = (System.nanoTime() - start) / 1e9;
            double cpuTotal = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            rows.add(new String[] {"total", String.format(Locale.ROOT, "%.1f", total), mb(peakHeap()),
                    String.format(Locale.ROOT, "%.1f", cpuTotal)});

            StockCountService.Summary done = counts.summary(id);
            System.out.printf("%n%-34s %10s %16s %12s%n", "phase", "seconds", "heap peaks (MB)", "CPU seconds");
            rows.forEach(r -> System.out.printf("%-34s %10s %16s %12s%n", r[0], r[1], r[2], r[3]));
            System.out.printf("%nlines %,d (rows read %,d), problems %,d, to approve %,d (approved %,d), posted %,d, "
                            + "report %,d KB, replenishment suggestions %,d%n", parsed.lines(), counts.get(id).rowsRead(),
                    parsed.problems(), evaluated.toApprove(), approval.approved(), done.posted(), Files.size(report) / 1024,
                    suggestions);
            // the pools peak at different moments, so their sum over-states the heap ever in use; the real proof of
            // the memory goal is finishing under -Xmx512m
            System.out.printf("heap peaks = sum of the heap pools' peaks (an upper bound); max heap (-Xmx) %s MB%n",
                    mb(Runtime.getRuntime().maxMemory()));
            System.out.printf("load average %.1f on %d cores while running (other work on the machine stretches the "
                    + "seconds, not the CPU seconds)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("goal: total <= 60 s -> %s; finished within a %s MB heap -> %s%n", total <= 60 ? "MET" : "NOT MET",
                    mb(Runtime.getRuntime().maxMemory()),
                    Runtime.getRuntime().maxMemory() <= 512L * 1024 * 1024 ? "MET" : "run with MAVEN_OPTS=-Xmx512m to check");
        }
    }

    private static void setUp(NamedParameterJdbcTemplate jdbc, int skus) {
        LocalDateTime now = LocalDateTime.now().minusDays(1);
        Random random = new Random(42);
        for (int from = 0; from < skus; from += 5_000) {
            List<SqlParameterSource> products = new ArrayList<>();
            for (int i = from; i < Math.min(skus, from + 5_000); i++) {
                products.add(new MapSqlParameterSource().addValue("sku", sku(i))
                        .addValue("price", 1 + random.nextInt(9_900) / 100.0).addValue("abc", i % 5 == 0 ? "A" : i % 2 == 0 ? "B" : "C")
                        .addValue("onHand", 20 + random.nextInt(500)).addValue("now", now));
            }
            SqlParameterSource[] batch = products.toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate("INSERT INTO product (sku, name, unit_price, weight_kg, reorder_point, reorder_quantity, "
                    + "abc_class, created_at, updated_at) VALUES (:sku, :sku, :price, 1, 10, 50, :abc, :now, :now)", batch);
            jdbc.batchUpdate("INSERT INTO stock_level (sku, on_hand, reserved, updated_at) VALUES (:sku, :onHand, 0, :now)", batch);
            jdbc.batchUpdate("INSERT INTO stock_movement (sku, quantity, movement_type, reason, actor, occurred_at) "
                    + "VALUES (:sku, :onHand, 'OPENING', 'opening stock', 'bench', :now)", batch);
        }
    }

    /** Same seed as {@link #setUp}: the sheet knows the book stock. */
    private static Path writeSheet(Path file, int skus, int lines) throws Exception {
        Random random = new Random(42);
        int[] onHand = new int[skus];
        for (int i = 0; i < skus; i++) {
            random.nextInt(9_900);
            onHand[i] = 20 + random.nextInt(500);
        }
        Random noise = new Random(7);
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Article No.;Counted Qty;Location\n");
            for (int i = 0; i < skus && written < lines; i++) {
                int counted = onHand[i];
                int dice = noise.nextInt(400);
                if (dice < 16) {
                    counted += noise.nextBoolean() ? 1 : -1;
                } else if (dice < 19) {
                    counted = noise.nextInt(counted);
                }
                String sku = dice == 19 ? "UNKNOWN-" + i : sku(i);
                String quantity = dice == 20 ? "n/a" : Integer.toString(counted);
                if (i % 20 == 0 && written + 1 < lines && dice > 20) {
                    int first = counted / 2;
                    out.write(sku + ";" + first + ";B-" + (i % 97) + "\n");
                    out.write(sku + ";" + (counted - first) + ";R-" + (i % 89) + "\n");
                    written += 2;
                } else {
                    out.write(sku + ";" + quantity + ";A-" + (i % 101) + "\n");
                    written++;
                }
            }
        }
        return file;
    }

    private static String sku(int i) {
        return String.format(Locale.ROOT, "BENCH-%07d", i);
    }

    private static <T> T time(List<String[]> rows, String phase, Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        T result = work.call();
        rows.add(new String[] {phase, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9), mb(peakHeap()),
                String.format(Locale.ROOT, "%.1f", (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9)});
        System.out.printf("  %-34s done%n", phase);
        return result;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of what was live at any moment. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String mb(long bytes) {
        return Long.toString(bytes / (1024 * 1024));
    }

    private ReconciliationBenchmark() {
    }
}
