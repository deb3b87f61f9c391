package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.FontCatalog;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.ScannedText;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrProperties;
import org.kontor.document.digitise.TesseractPool;

/**
 * The shipped model on what the robot really sees: documents of held-out layout families, wording and kinds,
 * printed in font families training never printed with, scanned at office quality (150–200 dpi, skew, blur,
 * speckles, faded ink), read by the real Tesseract. Seed and scan salt are used nowhere else.
 */
class ScannedDocumentAccuracyTest {

    static final long TEST_SEED = 4_711_0815L;
    static final long SCAN_SALT = 0x7E57_5CA7L;
    static final int DOCUMENTS = 180;
    static final double REVIEW_THRESHOLD = 0.80;

    private static TesseractPool pool;
    private static DocumentClassifier classifier;

    @BeforeAll
    static void start() {
        OcrProperties ocr = OcrProperties.defaults().withPoolSize(2);
        pool = new TesseractPool(Path.of("target/ocr-test-data"), ocr);
        classifier = new DocumentClassifier(new ClassifierProperties(null, REVIEW_THRESHOLD, Path.of("target/djl-cache")));
    }

    @AfterAll
    static void stop() {
        classifier.close();
        pool.close();
    }

    @Test
    void classifiesScansOfUnseenLayoutsAndFontsAndSendsTheDoubtfulOnesToAClerk() throws Exception {
        List<GeneratedDocument> docs = new CorpusGenerator(TEST_SEED).generate(CorpusSplit.HELD_OUT, DOCUMENTS);
        ScannedText scanner = new ScannedText(new DigitiseService(pool, OcrProperties.defaults()),
                FontCatalog.installed().forSplit(CorpusSplit.HELD_OUT, ScannedCorpusText.HELD_OUT_FONT_SHARE),
                SCAN_SALT, null);
        List<OcrPage> pages = scanAll(scanner, docs);
        List<Classification> answers = classifier.classify(pages.stream().map(OcrPage::text).toList());
        ClassifierEvaluation eval = ClassifierEvaluation.of(docs.stream().map(GeneratedDocument::type).toList(), answers);

        System.out.println("shipped model " + classifier.modelVersion() + " on " + DOCUMENTS
                + " scanned held-out documents: " + eval.summary());
        System.out.print(eval.confusionTable());
        for (int i = 0; i < docs.size(); i++) {
            Classification a = answers.get(i);
            if (a.type() != docs.get(i).type()) {
                System.out.printf(Locale.ROOT, "  wrong: %s %s (%s) -> %s %.2f%s, OCR confidence %.0f, %s%n",
                        docs.get(i).id(), docs.get(i).type(), docs.get(i).kind(), a.type(), a.confidence(),
                        a.needsReview() ? " (to a clerk)" : "", pages.get(i).meanConfidence(), scanner.style(docs.get(i)));
            }
        }

        assertThat(eval.accuracy()).as(eval.summary()).isGreaterThanOrEqualTo(0.95);
        // A clerk's minute is cheaper than a wrong route: most mistakes must be below the review threshold.
        assertThat(eval.wrongUnflagged()).as(eval.summary()).isLessThanOrEqualTo(Math.max(1, eval.wrong() / 3));
    }

    private static List<OcrPage> scanAll(ScannedText scanner, List<GeneratedDocument> docs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(pool.size());
        try {
            List<Future<OcrPage>> futures = new ArrayList<>();
            for (GeneratedDocument doc : docs) {
                futures.add(threads.submit(() -> scanner.read(doc)));
            }
            List<OcrPage> pages = new ArrayList<>();
            for (Future<OcrPage> f : futures) {
                pages.add(f.get());
            }
            return pages;
        } finally {
            threads.shutdownNow();
        }
    }
}
