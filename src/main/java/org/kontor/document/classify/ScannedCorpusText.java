package org.kontor.document.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.FontCatalog;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.OcrNoiseSimulator;
import org.kontor.document.corpus.ScannedText;
import org.kontor.document.digitise.DigitiseService;

/**
 * The classifier's training text: what the digitising robot really reads. Validation and held-out documents are
 * all printed and OCR'd (held-out ones in font families training never prints with), so early stopping, the
 * confidence temperature and the reported accuracy are about real scans; of the training documents a share is
 * scanned and the rest goes through the OCR-noise simulator, which is cheap and adds confusions a clean scan
 * would not show.
 */
final class ScannedCorpusText implements Function<GeneratedDocument, String> {

    /** Font families held out from training renders. */
    static final double HELD_OUT_FONT_SHARE = 0.3;
    private static final long SCAN_SALT = 0x5CA7_7E57L;
    private static final long COIN_SALT = 0xC01AL;

    private final OcrNoiseSimulator noise;
    private final double scanShare;
    private final ScannedText trainingFonts;
    private final ScannedText heldOutFonts;

    ScannedCorpusText(DigitiseService ocr, OcrNoiseSimulator noise, double scanShare, Path cacheDir) {
        FontCatalog fonts = FontCatalog.installed();
        this.noise = noise;
        this.scanShare = scanShare;
        this.trainingFonts = new ScannedText(ocr, fonts.forSplit(CorpusSplit.TRAIN, HELD_OUT_FONT_SHARE), SCAN_SALT,
                cacheDir);
        this.heldOutFonts = new ScannedText(ocr, fonts.forSplit(CorpusSplit.HELD_OUT, HELD_OUT_FONT_SHARE), SCAN_SALT,
                cacheDir);
    }

    boolean scanned(GeneratedDocument doc) {
        return doc.split() != CorpusSplit.TRAIN || CorpusGenerator.unit(doc.seed(), COIN_SALT) < scanShare;
    }

    private ScannedText scanner(GeneratedDocument doc) {
        return doc.split() == CorpusSplit.HELD_OUT ? heldOutFonts : trainingFonts;
    }

    @Override
    public String apply(GeneratedDocument doc) {
        return scanned(doc) ? scanner(doc).apply(doc) : noise.apply(doc);
    }

    /**
     * OCRs, in parallel, every document the trainer will ask for with these settings, so its sequential pass
     * only reads the cache.
     */
    void prescan(ClassifierTrainer.Settings settings, int threads, Consumer<String> progress) {
        List<GeneratedDocument> train = new ArrayList<>();
        for (GeneratedDocument d : new CorpusGenerator(settings.seed()).generate(CorpusSplit.TRAIN, settings.trainDocuments())) {
            GeneratedDocument masked = ClassifierTrainer.maskTitle(d, settings.titleMaskShare());
            if (scanned(masked)) {
                train.add(masked);
            }
        }
        List<GeneratedDocument> validation = new CorpusGenerator(settings.seed())
                .generate(CorpusSplit.VALIDATION, settings.validationDocuments());
        List<GeneratedDocument> heldOut = new CorpusGenerator(settings.heldOutSeed())
                .generate(CorpusSplit.HELD_OUT, settings.heldOutDocuments());
        long start = System.nanoTime();
        for (var part : List.of(List.of("train", train), List.of("validation", validation), List.of("held-out", heldOut))) {
            String name = (String) part.get(0);
            @SuppressWarnings("unchecked")
            List<GeneratedDocument> docs = (List<GeneratedDocument>) part.get(1);
            ScannedText scanner = docs.isEmpty() ? trainingFonts : scanner(docs.get(0));
            scanner.all(docs, threads, n -> progress.accept(String.format(Locale.ROOT, "scanning %s: %d/%d (%.0f s)",
                    name, n, docs.size(), (System.nanoTime() - start) / 1e9)));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "render + Tesseract OCR (validation, held-out and %.0f%% of training; held-out in unseen font families), "
                        + "the rest %s", 100 * scanShare, noise);
    }
}
