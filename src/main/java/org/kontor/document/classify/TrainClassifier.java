package org.kontor.document.classify;

import java.nio.file.Path;
import org.kontor.document.corpus.OcrNoiseSimulator;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.OcrProperties;
import org.kontor.document.digitise.TesseractPool;

/**
 * Trains the classifier on the synthetic corpus and writes it where it ships ({@code src/main/resources/model}
 * unless {@code -Dtrain.out=DIR}). Run from the project root, see {@code docs/classifier.md}:
 * <pre>mvn -B -Ptrain -DskipTests compile exec:java</pre>
 * Options (system properties): {@code train.out}, {@code train.docs}, {@code train.validation},
 * {@code train.heldOut}, {@code train.epochs}, {@code train.seed}, {@code train.threshold},
 * {@code train.smoothing}, {@code train.titleMask}, {@code train.inputDropout}, {@code train.scanShare} (share of
 * training documents rendered and OCR'd rather than noised by the simulator), {@code train.scanCache} (OCR'd texts
 * are cached there, so a second run skips the OCR), {@code train.ocrThreads}.
 */
public final class TrainClassifier {

    /** The simulator at full strength for the training documents that are not scanned. */
    static final double NOISE_LEVEL = 1.0;
    static final long NOISE_SALT = 1;
    /** Share of training documents printed and read by the real OCR; validation and held-out are all scanned. */
    static final double SCAN_SHARE = 0.4;

    private TrainClassifier() {
    }

    public static void main(String[] args) throws Exception {
        DjlEnvironment.configure(Path.of(System.getProperty("train.djlCache", "target/djl-cache")));
        Path out = Path.of(System.getProperty("train.out", "src/main/resources/model"));
        ClassifierTrainer.Settings defaults = ClassifierTrainer.Settings.defaults();
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(
                Integer.getInteger("train.docs", defaults.trainDocuments()),
                Integer.getInteger("train.validation", defaults.validationDocuments()),
                Integer.getInteger("train.heldOut", defaults.heldOutDocuments()),
                Long.getLong("train.seed", defaults.seed()),
                defaults.heldOutSeed(), defaults.hidden(),
                Float.parseFloat(System.getProperty("train.inputDropout", Float.toString(defaults.inputDropout()))),
                defaults.dropout(),
                Float.parseFloat(System.getProperty("train.lr", Float.toString(defaults.learningRate()))),
                defaults.batchSize(),
                Integer.getInteger("train.epochs", defaults.maxEpochs()), defaults.patience(),
                Float.parseFloat(System.getProperty("train.smoothing", Float.toString(defaults.labelSmoothing()))),
                Double.parseDouble(System.getProperty("train.titleMask", Double.toString(defaults.titleMaskShare()))));
        double threshold = Double.parseDouble(System.getProperty("train.threshold", "0.80"));
        OcrNoiseSimulator noise = new OcrNoiseSimulator(NOISE_LEVEL, NOISE_SALT);
        double scanShare = Double.parseDouble(System.getProperty("train.scanShare", Double.toString(SCAN_SHARE)));
        int ocrThreads = Integer.getInteger("train.ocrThreads", Runtime.getRuntime().availableProcessors());
        OcrProperties ocrProperties = OcrProperties.defaults().withPoolSize(ocrThreads);
        try (TesseractPool pool = new TesseractPool(Path.of(System.getProperty("train.ocrData", "target/ocr-data")),
                ocrProperties)) {
            ScannedCorpusText text = new ScannedCorpusText(new DigitiseService(pool, ocrProperties), noise, scanShare,
                    Path.of(System.getProperty("train.scanCache", "target/scan-cache")));
            text.prescan(settings, ocrThreads, System.out::println);
            train(settings, text, threshold, out);
        }
    }

    private static void train(ClassifierTrainer.Settings settings, ScannedCorpusText text, double threshold, Path out)
            throws Exception {
        ClassifierTrainer.Result result = new ClassifierTrainer(settings, text, threshold, System.out::println).train();
        try (ClassifierModel model = result.model()) {
            ClassifierMetadata written = model.save(out);
            System.out.println();
            System.out.println("held-out confusion (rows: truth):");
            System.out.print(result.heldOut().confusionTable());
            System.out.printf("model %s written to %s (%s), %d epochs, %.1f s%n", written.version(), out.toAbsolutePath(),
                    written.paramsFile(), result.epochs(), result.seconds());
        }
    }
}
