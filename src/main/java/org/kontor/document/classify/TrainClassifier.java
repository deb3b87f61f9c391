package org.kontor.document.classify;

import java.nio.file.Path;
import org.kontor.document.corpus.OcrNoiseSimulator;

/**
 * Trains the classifier on the synthetic corpus and writes it where it ships ({@code src/main/resources/model}
 * unless {@code -Dtrain.out=DIR}). Run from the project root, see {@code docs/classifier.md}:
 * <pre>mvn -B -Ptrain -DskipTests compile exec:java</pre>
 * Options (system properties): {@code train.out}, {@code train.docs}, {@code train.validation},
 * {@code train.heldOut}, {@code train.epochs}, {@code train.seed}, {@code train.threshold},
 * {@code train.smoothing}, {@code train.titleMask}, {@code train.inputDropout}.
 */
public final class TrainClassifier {

    /** Text source of the shipped model: the simulator at full strength, until real OCR is in the loop. */
    static final double NOISE_LEVEL = 1.0;
    static final long NOISE_SALT = 1;

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
        ClassifierTrainer.Result result = new ClassifierTrainer(settings, noise, threshold, System.out::println).train();
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
