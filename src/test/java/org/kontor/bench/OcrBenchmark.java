package org.kontor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kontor.document.content.ContentType;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.OcrProperties;
import org.kontor.document.digitise.TesseractNatives;
import org.kontor.document.digitise.TesseractPool;
import org.kontor.document.digitise.TestDocuments;

/**
 * OCR throughput: the warm engine pool against the {@code tesseract} command on the same A4 pages at the same
 * parallelism. Run with {@code mvn -q -Pbench test-compile exec:java -Dbench=OcrBenchmark}; options
 * {@code -Dbench.pages=16 -Dbench.parallelism=2 -Dbench.rounds=3}.
 *
 * <p>The command gets the same model file (--tessdata-dir), the same engine and segmentation modes, and
 * {@code OMP_THREAD_LIMIT=1}: Debian's build uses OpenMP, and at a parallelism equal to the core count extra
 * OpenMP threads only oversubscribe the CPU (Tesseract's own advice for parallel runs).
 */
public final class OcrBenchmark {

    private static final Path WORK = Path.of("target/bench-ocr");

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("bench.pages", 16);
        int parallelism = Integer.getInteger("bench.parallelism", 2);
        Path dataDir = WORK.resolve("data");
        Path pagesDir = Files.createDirectories(WORK.resolve("pages"));

        System.out.printf("Rendering %d A4 purchase orders at 300 dpi ...%n", pages);
        List<Path> files = new ArrayList<>();
        List<String> poNumbers = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            TestDocuments.Order order = TestDocuments.order(100 + i);
            String font = switch (i % 3) {
                case 0 -> "DejaVu Sans";
                case 1 -> "DejaVu Serif";
                default -> "DejaVu Sans Mono";
            };
            files.add(TestDocuments.writePng(TestDocuments.purchaseOrder(order, font, 0, i),
                    pagesDir.resolve("page-" + i + ".png")));
            poNumbers.add(order.poNumber());
            progress(i + 1, pages);
        }

        OcrProperties noDeskew = new OcrProperties(parallelism, "eng", null, null, 300, false, 5, 20,
                OcrProperties.defaults().limits());
        OcrProperties withDeskew = noDeskew.withPoolSize(parallelism);
        withDeskew = new OcrProperties(parallelism, "eng", null, null, 300, true, 5, 20, withDeskew.limits());

        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String[]> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        TesseractNatives.Setup setup = TesseractNatives.prepare(dataDir, noDeskew);
        long nativeMs = (System.nanoTime() - t0) / 1_000_000;
        String command = findOnPath("tesseract");
        try (TesseractPool pool = new TesseractPool(dataDir, noDeskew)) {
            long w0 = System.nanoTime();
            pool.warmUp();
            double initMs = (System.nanoTime() - w0) / 1e6 / parallelism;
            rows.add(new String[] {"native unpack + load (first start)", ms(nativeMs), "", "", ""});
            rows.add(new String[] {"engine init (per engine, once)", ms(initMs), "", "", ""});
            DigitiseService service = new DigitiseService(pool, noDeskew);
            DigitiseService deskewing = new DigitiseService(pool, withDeskew);
            List<String> names = new ArrayList<>(List.of("pool: decode + OCR", "pool: decode + deskew + OCR"));
            List<Ocr> contenders = new ArrayList<>(List.of(
                    f -> service.digitise(f, ContentType.PNG).text(),
                    f -> deskewing.digitise(f, ContentType.PNG).text()));
            if (command != null) {
                Path tessdata = setup.tessdataDir();
                names.add("tesseract command (" + version(command) + ")");
                contenders.add(f -> runCommand(command, tessdata, f));
            }
            for (Ocr contender : contenders) {
                run(files.subList(0, Math.min(parallelism, pages)), parallelism, contender);
            }
            // Rounds alternate between the contenders, and each keeps its best round: the machine is shared,
            // and a build next door should not decide the comparison.
            String[][] best = new String[contenders.size()][];
            for (int round = 1; round <= rounds; round++) {
                for (int c = 0; c < contenders.size(); c++) {
                    String[] row = measure(names.get(c) + " [round " + round + "]", files, poNumbers, parallelism,
                            contenders.get(c));
                    if (best[c] == null || Double.parseDouble(row[2]) > Double.parseDouble(best[c][2])) {
                        best[c] = row;
                        best[c][0] = names.get(c);
                    }
                }
            }
            rows.addAll(List.of(best));
        }
        if (command == null) {
            rows.add(new String[] {"tesseract command", "skipped (not on PATH)", "", "", ""});
        }

        System.out.printf("%n%d pages, parallelism %d, %d cores, best of %d rounds%n", pages, parallelism,
                Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf("%-44s %12s %12s %10s %8s%n", "what", "ms/page", "pages/min", "PO found", "vs cmd");
        double cmdRate = rows.stream().filter(r -> r[0].startsWith("tesseract command") && !r[2].isEmpty())
                .mapToDouble(r -> Double.parseDouble(r[2])).findFirst().orElse(Double.NaN);
        for (String[] row : rows) {
            String ratio = "";
            if (!row[2].isEmpty() && !Double.isNaN(cmdRate)) {
                ratio = String.format(Locale.ROOT, "%.2fx", Double.parseDouble(row[2]) / cmdRate);
            }
            System.out.printf("%-44s %12s %12s %10s %8s%n", row[0], row[1], row[2], row[3], ratio);
        }
    }

    @FunctionalInterface
    interface Ocr {
        String read(Path file) throws Exception;
    }

    private static String[] measure(String name, List<Path> files, List<String> poNumbers, int parallelism, Ocr ocr)
            throws Exception {
        System.out.printf("Measuring %s ...", name);
        long start = System.nanoTime();
        List<String> texts = run(files, parallelism, ocr);
        double seconds = (System.nanoTime() - start) / 1e9;
        int found = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(poNumbers.get(i))) {
                found++;
            }
        }
        double perPageMs = seconds * 1000 * parallelism / files.size();
        double perMinute = files.size() / seconds * 60;
        System.out.printf(" %.1f pages/min%n", perMinute);
        return new String[] {name, ms(perPageMs), String.format(Locale.ROOT, "%.1f", perMinute),
                found + "/" + files.size()};
    }

    private static List<String> run(List<Path> files, int parallelism, Ocr ocr) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Path file : files) {
                Callable<String> job = () -> ocr.read(file);
                futures.add(threads.submit(job));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> future : futures) {
                texts.add(future.get());
            }
            return texts;
        } finally {
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static String runCommand(String command, Path tessdata, Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command, file.toString(), "stdout", "--tessdata-dir",
                tessdata.toString(), "-l", "eng", "--oem", "1", "--psm", "3", "--dpi", "300");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String text;
        try (InputStream out = process.getInputStream()) {
            text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IOException("tesseract failed on " + file);
        }
        return text;
    }

    private static String version(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
        String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst().orElse("?");
        process.waitFor();
        return first.strip();
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void progress(int done, int total) {
        if (done == total || done % 4 == 0) {
            System.out.printf("  %d/%d%n", done, total);
        }
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
