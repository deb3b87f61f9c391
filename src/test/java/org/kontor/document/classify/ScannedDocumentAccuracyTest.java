package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kontor.document.DocumentType;
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
 * printed in font families training never printed with, scanned (skew, blur, speckles, faded ink), read by the
 * real Tesseract; a clerk gets the answers the classifier is unsure of and the pages Tesseract could hardly read.
 * Seeds and scan salt are used nowhere else.
 */
class ScannedDocumentAccuracyTest {

    static final long TEST_SEED = 4_711_0815L;
    static final long SCAN_SALT = 0x7E57_5CA7L;
    /** Types document-intake.bpmn hands to a process by itself; the others go to a clerk's triage. */
    static final Set<DocumentType> ROUTED_WITHOUT_A_CLERK = EnumSet.of(DocumentType.PURCHASE_ORDER,
            DocumentType.STOCK_COUNT);
    static final int OFFICE_DOCUMENTS = 180;
    static final int ROUGH_DOCUMENTS = 120;
    static final ClassifierProperties PROPERTIES = new ClassifierProperties(null, 0.80, Path.of("target/djl-cache"),
            ClassifierProperties.DEFAULT_MIN_OCR_CONFIDENCE);

    private static TesseractPool pool;
    private static DocumentClassifier classifier;

    @BeforeAll
    static void start() {
        OcrProperties ocr = OcrProperties.defaults().withPoolSize(2);
        pool = new TesseractPool(Path.of("target/ocr-test-data"), ocr);
        classifier = new DocumentClassifier(PROPERTIES);
    }

    @AfterAll
    static void stop() {
        classifier.close();
        pool.close();
    }

    @Test
    void officeScansOfUnseenLayoutsAndFontsAreClassifiedRight() throws Exception {
        ClassifierEvaluation eval = evaluate("office-quality", true, OFFICE_DOCUMENTS);

        assertThat(eval.accuracy()).as(eval.summary()).isGreaterThanOrEqualTo(0.95);
        assertThat(wrongWithoutAClerk).as("mistakes routed into a process without a clerk").isZero();
    }

    @Test
    void roughScansThatCannotBeReadGoToAClerkRatherThanAWrongProcess() throws Exception {
        ClassifierEvaluation eval = evaluate("rough (blurred 150 dpi pages included)", false, ROUGH_DOCUMENTS);

        assertThat(eval.accuracy()).as(eval.summary()).isGreaterThanOrEqualTo(0.85);
        assertThat(wrongWithoutAClerk).as("mistakes routed into a process without a clerk").isZero();
    }

    /**
     * Counts a wrong answer that no clerk sees: confident, and of a type document intake hands straight to a process
     * (every other type lands in the clerk's Triage document task, where a wrong type is corrected).
     */
    private int wrongWithoutAClerk;

    private ClassifierEvaluation evaluate(String quality, boolean office, int count) throws Exception {
        List<GeneratedDocument> docs = new CorpusGenerator(TEST_SEED + (office ? 0 : 1))
                .generate(CorpusSplit.HELD_OUT, count);
        ScannedText scanner = new ScannedText(new DigitiseService(pool, OcrProperties.defaults()),
                FontCatalog.installed().forSplit(CorpusSplit.HELD_OUT, ScannedCorpusText.HELD_OUT_FONT_SHARE),
                SCAN_SALT, null, office);
        List<OcrPage> pages = scanAll(scanner, docs);
        List<Classification> answers = classifier.classify(pages.stream().map(OcrPage::text).toList());
        List<Boolean> toClerk = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            toClerk.add(PROPERTIES.needsReview(answers.get(i), pages.get(i).meanConfidence()));
        }
        ClassifierEvaluation eval = ClassifierEvaluation.of(docs.stream().map(GeneratedDocument::type).toList(),
                answers, toClerk);

        System.out.println("shipped model " + classifier.modelVersion() + " on " + count + " " + quality
                + " scans of held-out documents: " + eval.summary());
        System.out.print(eval.confusionTable());
        wrongWithoutAClerk = 0;
        for (int i = 0; i < docs.size(); i++) {
            Classification a = answers.get(i);
            if (a.type() != docs.get(i).type()) {
                wrongWithoutAClerk += !toClerk.get(i) && ROUTED_WITHOUT_A_CLERK.contains(a.type()) ? 1 : 0;
                System.out.printf(Locale.ROOT, "  wrong: %s %s (%s) -> %s %.2f%s, OCR confidence %.0f, %s%n",
                        docs.get(i).id(), docs.get(i).type(), docs.get(i).kind(), a.type(), a.confidence(),
                        toClerk.get(i) ? " (to a clerk)" : "", pages.get(i).meanConfidence(), scanner.style(docs.get(i)));
            }
        }
        return eval;
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
