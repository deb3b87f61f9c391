package org.kontor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontor.document.corpus.PurchaseOrderCorpus;
import org.kontor.document.corpus.PurchaseOrderCorpus.Sample;
import org.kontor.document.corpus.PurchaseOrderCorpus.Truth;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.GrayRaster;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrProperties;
import org.kontor.document.digitise.Segmentation;
import org.kontor.document.digitise.TesseractPool;
import org.kontor.document.extract.ExtractedLine;
import org.kontor.document.extract.ExtractedPurchaseOrder;
import org.kontor.document.extract.HeaderValueRegion;
import org.kontor.document.extract.LineTableRegion;
import org.kontor.document.extract.PurchaseOrderExtractor;
import org.kontor.masterdata.DemoMasterData;
import org.kontor.order.CustomerMatcher;
import org.kontor.order.DemoOrderValidation;
import org.kontor.order.MasterDataVouching;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderValidator;
import org.kontor.order.SkuMatcher;

/**
 * Accuracy of purchase-order extraction on generated, rendered and really OCR'd purchase orders from the demo
 * master data, on two splits, reported separately and named as such: the DEVELOPMENT layout families (tune on
 * these) and the HELD-OUT families, wordings and fonts, which are never looked at while the extractor is built (only
 * evaluate on them). By default both are run; {@code -Dbench.split=dev} or {@code heldout} runs one.
 *
 * <p>Each split is scored twice from the same OCR: with the first reading only (Tesseract's automatic page
 * segmentation, how extraction worked before parts of the page were read again) and with the second readings: the
 * line table as one block and its number columns digits-only ({@link LineTableRegion}), the PO number and dates each
 * on its own ({@link HeaderValueRegion}).
 *
 * <p>{@code mvn -q -Pbench test-compile exec:java -Dbench=ExtractionBenchmark -Dbench.documents=60}; options
 * {@code -Dbench.split=both|dev|heldout}, {@code -Dbench.reread=BLOCK|COLUMN|SPARSE|NONE} (how the table is read
 * again), {@code -Dbench.threshold=0.9}, {@code -Dbench.verbose=true} (every miss), {@code -Dbench.cache=true}
 * (reuse the OCR of earlier runs from {@code target/bench-extract}).
 *
 * <p>Validation runs the real {@link OrderValidator} (SKU and customer matching) over the demo CSVs held in
 * memory ({@link DemoMasterData}); no database or Spring context is started.
 */
public final class ExtractionBenchmark {

    private static final Path WORK = Path.of("target/bench-extract");

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("bench.documents", 60);
        String split = System.getProperty("bench.split", "both").toLowerCase(Locale.ROOT);
        double threshold = Double.parseDouble(System.getProperty("bench.threshold", "0.9"));
        boolean verbose = Boolean.getBoolean("bench.verbose");
        boolean cache = Boolean.getBoolean("bench.cache");
        long seed = Long.getLong("bench.seed", 20261122L);
        String reread = System.getProperty("bench.reread", "BLOCK").toUpperCase(Locale.ROOT);
        Segmentation segmentation = reread.equals("NONE") ? null : Segmentation.valueOf(reread);

        DemoMasterData masterData = DemoMasterData.load();
        OrderValidator validator = DemoOrderValidation.validator(masterData.service());
        SkuMatcher skus = DemoOrderValidation.skuMatcher(masterData.service());
        CustomerMatcher customers = DemoOrderValidation.customerMatcher(masterData.service());
        PurchaseOrderCorpus corpus = new PurchaseOrderCorpus(seed, masterData);
        List<String> summary = new ArrayList<>();
        for (boolean heldOut : split.equals("both") ? List.of(false, true) : List.of(!split.equals("dev"))) {
            List<Sample> samples = corpus.samples(heldOut, documents);
            String name = heldOut ? "HELD-OUT" : "development";
            System.out.printf("%n==== %d %s purchase orders (families %s), rendered at 300 dpi and OCR'd ...%n", documents,
                    name, heldOut
                            ? PurchaseOrderCorpus.DEV_FAMILIES + ".." + (PurchaseOrderCorpus.DEV_FAMILIES + PurchaseOrderCorpus.HELD_OUT_FAMILIES - 1)
                            : "0.." + (PurchaseOrderCorpus.DEV_FAMILIES - 1));
            List<OcrPage> pages = ocr(corpus, samples, cache, segmentation);
            List<OcrPage> firstReading = pages.stream().map(p -> p.withRereads(List.of())).toList();
            summary.add(evaluate(name + ", first reading only (PSM auto)", samples, firstReading, heldOut, validator,
                    skus, customers, threshold, verbose && segmentation == null));
            if (segmentation != null) {
                summary.add(evaluate(name + ", table, number columns, header values read again (" + segmentation + ")",
                        samples, pages, heldOut,
                        validator, skus, customers, threshold, verbose));
            }
        }
        System.out.printf("%n%-78s %8s %8s %8s %8s %8s %10s %8s%n", "summary (" + documents + " documents each)",
                "header F1", "addr F1", "lines F1", "resolved", "STP %", "wrong+unr", "ms/doc");
        summary.forEach(System.out::println);
    }

    /** Extracts and validates every page, prints the field table, and returns one summary row. */
    private static String evaluate(String label, List<Sample> samples, List<OcrPage> pages, boolean heldOut,
            OrderValidator validator, SkuMatcher skus, CustomerMatcher customers, double threshold, boolean verbose) {
        System.out.printf("%n---- %s%n", label);
        PurchaseOrderExtractor extractor = new PurchaseOrderExtractor();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String f : List.of("poNumber", "customerNumber (printed)", "customer (resolved)", "orderDate",
                "requestedDeliveryDate", "deliveryAddress", "deliveryAddress (resolved)", "total", "lines", "lines (resolved)")) {
            scores.put(f, new Score());
        }
        int straight = 0;
        int wrongUnreviewed = 0;
        int validationClean = 0;
        long extractNanos = 0;
        int[][] skuBuckets = new int[10][2];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Truth t = s.truth();
            long t0 = System.nanoTime();
            ExtractedPurchaseOrder po = extractor.extract(List.of(pages.get(i)));
            extractNanos += System.nanoTime() - t0;
            OrderValidator.Validation v = validator.validate(draft(po));
            List<String> misses = new ArrayList<>();

            scores.get("poNumber").add(po.poNumber().value(), t.poNumber(), po.poNumber().confidence(), threshold, misses, "poNumber");
            if (t.customerNumberPrinted()) {
                scores.get("customerNumber (printed)").add(po.customerNumber().value(), t.customerNumber(),
                        po.customerNumber().confidence(), threshold, misses, "customerNumber");
            }
            double customerConf = po.customerNumber().present() ? po.customerNumber().confidence()
                    : po.customerName().confidence();
            boolean resolved = v.corrections().stream().anyMatch(c -> c.startsWith("Customer"))
                    || Objects.equals(v.resolved().customerNumber(), po.customerNumber().value());
            String resolvedCustomer = resolved && !v.problems().stream().anyMatch(p -> p.startsWith("Customer"))
                    ? v.resolved().customerNumber() : null;
            scores.get("customer (resolved)").add(resolvedCustomer, t.customerNumber(), customerConf, threshold, misses,
                    "customer[" + po.customerNumber().raw() + " / " + po.customerName().raw() + "]");
            scores.get("orderDate").add(po.orderDate().value(), t.orderDate(), po.orderDate().confidence(), threshold,
                    misses, "orderDate[" + po.orderDate().raw() + "]");
            scores.get("requestedDeliveryDate").add(po.requestedDeliveryDate().value(), t.requestedDeliveryDate(),
                    po.requestedDeliveryDate().confidence(), threshold, misses,
                    "requestedDeliveryDate[" + po.requestedDeliveryDate().raw() + "]");
            scores.get("deliveryAddress").add(norm(po.deliveryAddress().value()), norm(t.deliveryAddress()),
                    po.deliveryAddress().confidence(), threshold, misses, "deliveryAddress[" + po.deliveryAddress().raw() + "]");
            // the address after validation: a misread of the customer's address on record is that address
            scores.get("deliveryAddress (resolved)").add(po.deliveryAddress().present() ? norm(v.resolved().deliveryAddress())
                    : null, norm(t.deliveryAddress()), po.deliveryAddress().confidence(), threshold, misses,
                    "resolvedAddress[" + v.resolved().deliveryAddress() + "]");
            scores.get("total").add(po.total().value() == null ? null : po.total().value().stripTrailingZeros(),
                    t.total().stripTrailingZeros(), po.total().confidence(), threshold, misses, "total[" + po.total().raw() + "]");
            // SKU calibration: lines whose quantity and price match a truth line, by SKU confidence
            for (ExtractedLine l : po.lines()) {
                for (PurchaseOrderCorpus.Line tl : t.lines()) {
                    if (Objects.equals(l.quantity().value(), tl.quantity()) && l.unitPrice().value() != null
                            && l.unitPrice().value().compareTo(tl.unitPrice()) == 0) {
                        int bucket = (int) Math.min(9, Math.floor(l.sku().confidence() * 10));
                        boolean ok = l.sku().value() != null
                                && l.sku().value().replace("-", "").equals(tl.sku().replace("-", ""));
                        skuBuckets[bucket][ok ? 0 : 1]++;
                        break;
                    }
                }
            }
            List<String> truthLines = t.lines().stream().map(l -> key(l.sku(), l.quantity(), l.unitPrice())).toList();
            boolean linesSure = po.linesConfidence() >= threshold;
            List<String> asRead = new ArrayList<>();
            // the lines as the order gets them: SKUs as validation resolved them against the catalogue ("OF-1.030" is
            // OF-1030), which is also what GET /api/documents/{id} shows
            List<String> asResolved = new ArrayList<>();
            for (int li = 0; li < po.lines().size(); li++) {
                ExtractedLine l = po.lines().get(li);
                String resolvedSku = li < v.resolved().lines().size() ? v.resolved().lines().get(li).sku() : l.sku().value();
                asRead.add(key(l.sku().value(), l.quantity().value(), l.unitPrice().value()));
                asResolved.add(key(resolvedSku, l.quantity().value(), l.unitPrice().value()));
            }
            for (int li : scoreLines(scores.get("lines"), truthLines, asRead, linesSure)) {
                ExtractedLine l = po.lines().get(li);
                misses.add("line[" + l.sku().raw() + " | " + l.quantity().raw() + " | " + l.unitPrice().raw() + "]");
            }
            boolean linesRight = scoreLines(scores.get("lines (resolved)"), truthLines, asResolved, linesSure).isEmpty()
                    && po.lines().size() == t.lines().size();

            // as order intake does: the catalogue may vouch for SKUs read with little confidence
            List<String> unsure = MasterDataVouching.unsureFields(po, threshold, skus, customers);
            boolean stp = unsure.isEmpty() && v.valid();
            validationClean += v.valid() ? 1 : 0;
            boolean allRight = linesRight && Objects.equals(po.poNumber().value(), t.poNumber())
                    && Objects.equals(resolvedCustomer, t.customerNumber())
                    && Objects.equals(po.orderDate().value(), t.orderDate())
                    && Objects.equals(po.requestedDeliveryDate().value(), t.requestedDeliveryDate())
                    && po.total().value() != null && po.total().value().compareTo(t.total()) == 0;
            if (stp) {
                straight++;
                if (!allRight) {
                    wrongUnreviewed++;
                    System.out.printf("  WRONG AND UNREVIEWED: %s (family %d): %s%n", s.id(), s.family(), misses);
                }
            }
            if (verbose && (!misses.isEmpty() || !stp)) {
                System.out.printf("  %s fam %d %s fmt=%s: misses %s; unsure %s (po %.2f %s, cust %.2f, od %.2f, dd %.2f, "
                        + "tot %.2f, lines %.2f); problems %s%n", s.id(), s.family(), s.document().wording(), t.dateFormat(),
                        misses, unsure, po.poNumber().confidence(), po.poNumber().raw(), customerConf, po.orderDate().confidence(),
                        po.requestedDeliveryDate().confidence(), po.total().confidence(), po.linesConfidence(), v.problems());
            }
        }

        System.out.println();
        System.out.printf("%-26s %9s %9s %9s %7s %12s %14s%n", "field", "precision", "recall", "F1", "n",
                "conf>=" + threshold, "wrong among");
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            Score sc = e.getValue();
            System.out.printf("%-26s %9.3f %9.3f %9.3f %7d %12d %14d%n", e.getKey(), sc.precision(), sc.recall(), sc.f1(),
                    sc.actual, sc.sure, sc.sureWrong);
        }
        System.out.println();
        System.out.println("SKU confidence   right  wrong   (lines whose quantity and price are right)");
        for (int b = 9; b >= 0; b--) {
            if (skuBuckets[b][0] + skuBuckets[b][1] > 0) {
                System.out.printf("  %.1f-%.1f       %5d  %5d%n", b / 10.0, (b + 1) / 10.0, skuBuckets[b][0], skuBuckets[b][1]);
            }
        }
        System.out.println();
        System.out.printf("documents                      %d (%s)%n", samples.size(), heldOut ? "HELD-OUT families, wording and fonts" : "development");
        System.out.printf("validation clean               %d (%.1f %%)%n", validationClean, 100.0 * validationClean / samples.size());
        System.out.printf("straight-through (>= %.2f)     %d (%.1f %%)%n", threshold, straight, 100.0 * straight / samples.size());
        System.out.printf("wrong and unreviewed           %d%n", wrongUnreviewed);
        System.out.printf("extraction time                %.1f ms per document (OCR not included)%n",
                extractNanos / 1e6 / samples.size());
        Score header = new Score();
        for (String f : List.of("poNumber", "customer (resolved)", "orderDate", "requestedDeliveryDate", "total")) {
            header.tp += scores.get(f).tp;
            header.predicted += scores.get(f).predicted;
            header.actual += scores.get(f).actual;
        }
        return String.format(Locale.ROOT, "%-78s %8.3f %8.3f %8.3f %8.3f %8.1f %10d %8.1f", label, header.f1(),
                scores.get("deliveryAddress (resolved)").f1(), scores.get("lines").f1(),
                scores.get("lines (resolved)").f1(), 100.0 * straight / samples.size(),
                wrongUnreviewed, extractNanos / 1e6 / samples.size());
    }

    /** Renders and OCRs every sample on a pool of two engines, or reads the OCR of an earlier run. */
    private static List<OcrPage> ocr(PurchaseOrderCorpus corpus, List<Sample> samples, boolean cache,
            Segmentation segmentation) throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("ocr"));
        ObjectMapper json = new ObjectMapper();
        OcrProperties properties = OcrProperties.defaults().withPoolSize(Integer.getInteger("bench.parallelism", 2));
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (TesseractPool pool = new TesseractPool(WORK.resolve("data"), properties)) {
            DigitiseService digitiser = segmentation == null ? new DigitiseService(pool, properties)
                    : new DigitiseService(pool, properties, List.of(new LineTableRegion(), new HeaderValueRegion()), segmentation);
            ExecutorService threads = Executors.newFixedThreadPool(properties.effectivePoolSize());
            try {
                List<Future<OcrPage>> futures = new ArrayList<>();
                for (Sample s : samples) {
                    futures.add(threads.submit(() -> {
                        // the OCR of a page depends on what is read again and how (the table, its number columns digits-only, header values)
                        Path file = dir.resolve(PurchaseOrderCorpus.fingerprint(s) + "-" + (segmentation == null ? "auto"
                                : "table-" + segmentation.name().toLowerCase(Locale.ROOT) + "-numbers-fields") + ".json");
                        OcrPage page;
                        if (cache && Files.exists(file)) {
                            page = json.readValue(file.toFile(), OcrPage.class);
                        } else {
                            BufferedImage image = corpus.render(s);
                            page = digitiser.ocr(GrayRaster.of(image, 300));
                            json.writeValue(file.toFile(), page);
                        }
                        int n = done.incrementAndGet();
                        if (n % 10 == 0 || n == samples.size()) {
                            System.out.printf("  %d/%d pages (%.1f s)%n", n, samples.size(), (System.nanoTime() - start) / 1e9);
                        }
                        return page;
                    }));
                }
                List<OcrPage> pages = new ArrayList<>();
                for (Future<OcrPage> f : futures) {
                    pages.add(f.get());
                }
                return pages;
            } finally {
                threads.shutdown();
            }
        }
    }

    static OrderDraft draft(ExtractedPurchaseOrder po) {
        List<OrderDraft.Line> lines = po.lines().stream().map(l -> new OrderDraft.Line(l.sku().value(),
                l.description().value(), l.quantity().value(), l.unitPrice().value())).toList();
        return new OrderDraft(po.customerNumber().value(), po.customerName().value(), po.poNumber().value(),
                po.orderDate().value(), po.requestedDeliveryDate().value(), po.deliveryAddress().value(),
                po.total().value(), lines);
    }

    /**
     * Adds one document's lines to a score: each predicted line that matches a truth line not matched yet is right.
     * Returns the indexes of the predicted lines that matched none.
     */
    private static List<Integer> scoreLines(Score score, List<String> truth, List<String> predicted, boolean sure) {
        List<String> open = new ArrayList<>(truth);
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            if (!open.remove(predicted.get(i))) {
                wrong.add(i);
            }
        }
        score.tp += predicted.size() - wrong.size();
        score.predicted += predicted.size();
        score.actual += truth.size();
        score.sure += sure ? 1 : 0;
        score.sureWrong += sure && !(wrong.isEmpty() && predicted.size() == truth.size()) ? 1 : 0;
        return wrong;
    }

    private static String key(String sku, Integer qty, BigDecimal price) {
        return (sku == null ? "" : sku.replace("-", "").toUpperCase(Locale.ROOT)) + "|" + qty + "|"
                + (price == null ? "" : price.stripTrailingZeros().toPlainString());
    }

    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ß", "ss")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** Field-level counts: a prediction is a non-null value; it is right when it equals the truth. */
    static final class Score {
        int tp;
        int predicted;
        int actual;
        int sure;
        int sureWrong;

        void add(Object predictedValue, Object truth, double confidence, double threshold, List<String> misses, String name) {
            boolean right = Objects.equals(predictedValue, truth);
            if (predictedValue != null) {
                predicted++;
                if (right) {
                    tp++;
                }
            }
            if (truth != null) {
                actual++;
            }
            if (confidence >= threshold) {
                sure++;
                if (!right) {
                    sureWrong++;
                }
            }
            if (!right) {
                misses.add(name + "=" + predictedValue + " (truth " + truth + ", conf " + String.format(Locale.ROOT, "%.2f", confidence) + ")");
            }
        }

        double precision() {
            return predicted == 0 ? 0 : (double) tp / predicted;
        }

        double recall() {
            return actual == 0 ? 0 : (double) tp / actual;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
