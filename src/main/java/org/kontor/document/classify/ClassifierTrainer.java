package org.kontor.document.classify;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kontor.document.DocumentType;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.LayoutFamily;
import org.kontor.document.corpus.LineStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the document classifier on the synthetic corpus: training split for the weights, validation split
 * (other layout families) for early stopping and for the confidence temperature, held-out split (other
 * families and other wording, own seed) only for the reported accuracy. The text of each document comes from
 * a pluggable source: today the OCR-noise simulator, later rendering plus the real OCR.
 */
public final class ClassifierTrainer {

    private static final Logger log = LoggerFactory.getLogger(ClassifierTrainer.class);

    /**
     * @param trainDocuments      documents of the training split
     * @param validationDocuments documents of the validation split
     * @param heldOutDocuments    documents of the held-out split
     * @param seed                corpus seed for training and validation
     * @param heldOutSeed         corpus seed for the held-out split
     * @param hidden              hidden units
     * @param inputDropout        dropout on the input features
     * @param dropout             dropout after the hidden layer
     * @param learningRate        Adam's learning rate
     * @param batchSize           training batch size
     * @param maxEpochs           upper bound on epochs
     * @param patience            epochs without a better validation loss before stopping
     * @param labelSmoothing      share of each target spread over all labels, against overconfidence
     * @param titleMaskShare      share of training documents whose title is removed
     */
    public record Settings(int trainDocuments, int validationDocuments, int heldOutDocuments, long seed,
            long heldOutSeed, int hidden, float inputDropout, float dropout, float learningRate, int batchSize,
            int maxEpochs, int patience, float labelSmoothing, double titleMaskShare) {

        public static Settings defaults() {
            return new Settings(6000, 1200, 1200, 20250101L, 777_001L, 64, 0.3f, 0.3f, 0.0005f, 32, 30, 4, 0f, 0.3);
        }

        public Settings withSize(int train, int validation, int heldOut, int maxEpochs) {
            return new Settings(train, validation, heldOut, seed, heldOutSeed, hidden, inputDropout, dropout,
                    learningRate, batchSize, maxEpochs, patience, labelSmoothing, titleMaskShare);
        }

        public Settings withRegularisation(float labelSmoothing, double titleMaskShare) {
            return new Settings(trainDocuments, validationDocuments, heldOutDocuments, seed, heldOutSeed, hidden,
                    inputDropout, dropout, learningRate, batchSize, maxEpochs, patience, labelSmoothing, titleMaskShare);
        }
    }

    public record Result(ClassifierModel model, ClassifierEvaluation validation, ClassifierEvaluation heldOut,
            int epochs, double seconds) {
    }

    /** A labelled text from outside the generated corpus, e.g. a document a clerk classified. */
    public record Example(String text, DocumentType type) {
    }

    /** Called after every epoch, e.g. to show a retraining's progress. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, int maxEpochs, double validationAccuracy);
    }

    private final Settings settings;
    private final Function<GeneratedDocument, String> textSource;
    private final double reviewThreshold;
    private final Consumer<String> progress;
    private final List<Example> examples;
    private final int exampleCopies;
    private final EpochListener epochListener;

    public ClassifierTrainer(Settings settings, Function<GeneratedDocument, String> textSource, double reviewThreshold,
            Consumer<String> progress) {
        this(settings, textSource, reviewThreshold, progress, List.of(), 0, (epoch, max, accuracy) -> { });
    }

    private ClassifierTrainer(Settings settings, Function<GeneratedDocument, String> textSource, double reviewThreshold,
            Consumer<String> progress, List<Example> examples, int exampleCopies, EpochListener epochListener) {
        this.settings = settings;
        this.textSource = textSource;
        this.reviewThreshold = reviewThreshold;
        this.progress = progress;
        this.examples = List.copyOf(examples);
        this.exampleCopies = exampleCopies;
        this.epochListener = epochListener;
    }

    /**
     * Adds {@code examples} to the training split, each {@code copies} times: a few hundred real documents would
     * otherwise be drowned by thousands of generated ones.
     */
    public ClassifierTrainer withExamples(List<Example> examples, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("examples must be used at least once, was " + copies);
        }
        return new ClassifierTrainer(settings, textSource, reviewThreshold, progress, examples, copies, epochListener);
    }

    public ClassifierTrainer onEpoch(EpochListener listener) {
        return new ClassifierTrainer(settings, textSource, reviewThreshold, progress, examples, exampleCopies, listener);
    }

    public Result train() throws IOException {
        long started = System.nanoTime();
        Labelled train = withExamples(corpus(new CorpusGenerator(settings.seed()), CorpusSplit.TRAIN,
                settings.trainDocuments()));
        Labelled validation = corpus(new CorpusGenerator(settings.seed()), CorpusSplit.VALIDATION, settings.validationDocuments());
        Labelled heldOut = corpus(new CorpusGenerator(settings.heldOutSeed()), CorpusSplit.HELD_OUT, settings.heldOutDocuments());
        report("corpus: %d train, %d validation, %d held-out documents featurised in %.1f s", train.size(),
                validation.size(), heldOut.size(), (System.nanoTime() - started) / 1e9);

        List<String> labels = Arrays.stream(DocumentType.values()).map(Enum::name).toList();
        Model model = Model.newInstance(ClassifierModel.MODEL_NAME);
        Path best = Files.createTempDirectory("kontor-classifier-best");
        try {
            model.setBlock(ClassifierModel.network(settings.hidden(), settings.inputDropout(), settings.dropout(),
                    labels.size()));
            int bestEpoch = fit(model, train, validation, best);
            try {
                model.load(best, ClassifierModel.MODEL_NAME);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException("cannot reload the best epoch's parameters", e);
            }

            double temperature = calibrate(model, validation, labels.size());
            ClassifierMetadata draft = new ClassifierMetadata("", "", labels, TextFeatures.DIMENSION, settings.hidden(),
                    settings.inputDropout(), settings.dropout(), temperature, "", 0, bestEpoch, train.size(), 0, 0,
                    heldOut.size(), Map.of());
            ClassifierModel candidate = new ClassifierModel(model, draft);
            ClassifierEvaluation valEval = evaluate(candidate, validation);
            ClassifierEvaluation heldEval = evaluate(candidate, heldOut);
            double seconds = (System.nanoTime() - started) / 1e9;
            Instant now = Instant.now();
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("seed", Long.toString(settings.seed()));
            notes.put("heldOutSeed", Long.toString(settings.heldOutSeed()));
            notes.put("layoutFamilies", String.format(Locale.ROOT, "train %d, validation %d, held-out %d (disjoint)",
                    LayoutFamily.TRAIN_FAMILIES, LayoutFamily.VALIDATION_FAMILIES, LayoutFamily.HELD_OUT_FAMILIES));
            notes.put("heldOut", "unseen layout families, unseen titles, mostly unseen field labels and phrases, two unseen kinds of OTHER");
            notes.put("features", TextFeatures.describe());
            notes.put("textSource", textSource.toString());
            notes.put("labelSmoothing", Float.toString(settings.labelSmoothing()));
            notes.put("titleMaskShare", Double.toString(settings.titleMaskShare()));
            notes.put("reviewThreshold", Double.toString(reviewThreshold));
            if (!examples.isEmpty()) {
                notes.put("storedExamples", examples.size() + " x " + exampleCopies);
            }
            notes.put("heldOutWrongBelowThreshold", heldEval.wrongFlagged() + " of " + heldEval.wrong());
            ClassifierMetadata meta = new ClassifierMetadata(version(model, now), "", labels, TextFeatures.DIMENSION,
                    settings.hidden(), settings.inputDropout(), settings.dropout(), temperature, now.toString(),
                    Math.round(seconds * 10) / 10.0, bestEpoch, train.size(), valEval.accuracy(), heldEval.accuracy(),
                    heldOut.size(), notes);
            report("validation: %s", valEval.summary());
            report("held-out:   %s", heldEval.summary());
            return new Result(new ClassifierModel(model, meta), valEval, heldEval, bestEpoch, seconds);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        } finally {
            deleteTree(best);
        }
    }

    private int fit(Model model, Labelled train, Labelled validation, Path best) throws IOException {
        // Dense (smoothed) targets: sparseLabel = false, the network still emits logits.
        DefaultTrainingConfig config = new DefaultTrainingConfig(
                new SoftmaxCrossEntropyLoss("SoftmaxCrossEntropyLoss", 1f, -1, false, true))
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                        .optWeightDecays(1e-5f)
                        .build());
        double bestLoss = Double.MAX_VALUE;
        int bestEpoch = 0;
        int outputs = DocumentType.values().length;
        try (Trainer trainer = model.newTrainer(config); NDManager data = model.getNDManager().newSubManager()) {
            trainer.initialize(new Shape(settings.batchSize(), TextFeatures.DIMENSION));
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(data.create(train.features(), new Shape(train.size(), TextFeatures.DIMENSION)))
                    .optLabels(data.create(smoothedTargets(train.labels()), new Shape(train.size(), outputs)))
                    .setSampling(settings.batchSize(), true)
                    .build();
            for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                float[][] logits = ClassifierModel.forward(model, validation.features(), DocumentType.values().length, 1, false);
                double valLoss = nll(logits, validation.labels(), 1);
                double valAcc = accuracy(logits, validation.labels());
                report("epoch %2d: validation loss %.4f, accuracy %.2f%%", epoch, valLoss, 100 * valAcc);
                epochListener.epochDone(epoch, settings.maxEpochs(), valAcc);
                if (valLoss < bestLoss - 1e-4) {
                    bestLoss = valLoss;
                    bestEpoch = epoch;
                    model.setProperty("Epoch", "0");
                    model.save(best, ClassifierModel.MODEL_NAME);
                } else if (epoch - bestEpoch >= settings.patience()) {
                    report("early stop: no better validation loss since epoch %d", bestEpoch);
                    break;
                }
            }
        } catch (TranslateException e) {
            throw new IOException("training batch failed", e);
        }
        return bestEpoch;
    }

    private float[] smoothedTargets(float[] labels) {
        int k = DocumentType.values().length;
        float off = settings.labelSmoothing() / k;
        float[] targets = new float[labels.length * k];
        java.util.Arrays.fill(targets, off);
        for (int i = 0; i < labels.length; i++) {
            targets[i * k + (int) labels[i]] += 1 - settings.labelSmoothing();
        }
        return targets;
    }

    /** Temperature that minimises the validation log-loss: confidences that mean what they say on unseen layouts. */
    private static double calibrate(Model model, Labelled validation, int outputs) {
        float[][] logits = ClassifierModel.forward(model, validation.features(), outputs, 1, false);
        double bestT = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.5; t <= 5.0001; t += 0.1) {
            double loss = nll(logits, validation.labels(), t);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestT = t;
            }
        }
        return Math.round(bestT * 100) / 100.0;
    }

    private ClassifierEvaluation evaluate(ClassifierModel model, Labelled set) {
        return ClassifierEvaluation.of(set.truth(), model.classify(set.texts(), reviewThreshold));
    }

    private static double nll(float[][] logits, float[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v / t);
            }
            double z = 0;
            for (float v : logits[i]) {
                z += Math.exp(v / t - max);
            }
            sum += -(logits[i][(int) labels[i]] / t - max - Math.log(z));
        }
        return logits.length == 0 ? 0 : sum / logits.length;
    }

    private static double accuracy(float[][] logits, float[] labels) {
        int ok = 0;
        for (int i = 0; i < logits.length; i++) {
            int arg = 0;
            for (int k = 1; k < logits[i].length; k++) {
                if (logits[i][k] > logits[i][arg]) {
                    arg = k;
                }
            }
            ok += arg == (int) labels[i] ? 1 : 0;
        }
        return logits.length == 0 ? 0 : ok / (double) logits.length;
    }

    private Labelled corpus(CorpusGenerator generator, CorpusSplit split, int count) {
        List<GeneratedDocument> docs = generator.generate(split, count);
        List<String> texts = docs.stream()
                .map(d -> split == CorpusSplit.TRAIN ? maskTitle(d, settings.titleMaskShare()) : d)
                .map(textSource)
                .toList();
        float[] features = new float[count * TextFeatures.DIMENSION];
        TextFeatures f = new TextFeatures();
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            f.vector(texts.get(i), features, i * TextFeatures.DIMENSION);
            labels[i] = docs.get(i).type().ordinal();
        }
        return new Labelled(texts, docs.stream().map(GeneratedDocument::type).toList(), features, labels);
    }

    private Labelled withExamples(Labelled corpus) {
        if (examples.isEmpty()) {
            return corpus;
        }
        int extra = examples.size() * exampleCopies;
        int n = corpus.size() + extra;
        List<String> texts = new java.util.ArrayList<>(corpus.texts());
        List<DocumentType> truth = new java.util.ArrayList<>(corpus.truth());
        float[] features = Arrays.copyOf(corpus.features(), n * TextFeatures.DIMENSION);
        float[] labels = Arrays.copyOf(corpus.labels(), n);
        TextFeatures f = new TextFeatures();
        int row = corpus.size();
        for (Example example : examples) {
            f.vector(example.text(), features, row * TextFeatures.DIMENSION);
            for (int copy = 1; copy < exampleCopies; copy++) {
                System.arraycopy(features, row * TextFeatures.DIMENSION, features, (row + copy) * TextFeatures.DIMENSION,
                        TextFeatures.DIMENSION);
            }
            for (int copy = 0; copy < exampleCopies; copy++) {
                labels[row + copy] = example.type().ordinal();
                texts.add(example.text());
                truth.add(example.type());
            }
            row += exampleCopies;
        }
        report("training split: %d generated documents + %d stored examples x %d", corpus.size(), examples.size(),
                exampleCopies);
        return new Labelled(texts, truth, features, labels);
    }

    /**
     * Drops the title of some training documents. A title is the strongest single cue, and unseen documents
     * often carry one the model never met; without this the network leans on titles and is unsure (or
     * confidently wrong) when the title is new, although the body says clearly what the document is.
     */
    static GeneratedDocument maskTitle(GeneratedDocument doc, double share) {
        if (CorpusGenerator.unit(doc.seed(), 0x717L) >= share) {
            return doc;
        }
        return new GeneratedDocument(doc.id(), doc.type(), doc.kind(), doc.layoutFamily(), doc.wording(), doc.split(),
                doc.seed(), doc.lines().stream().filter(l -> l.style() != LineStyle.TITLE).toList());
    }

    private record Labelled(List<String> texts, List<DocumentType> truth, float[] features, float[] labels) {
        int size() {
            return labels.length;
        }
    }

    /** {@code clf-YYYYMMDD-HHmm-<first 8 hex of SHA-256 over the parameters>}. */
    private static String version(Model model, Instant when) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray array = p.getValue().getArray();
                sha.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(array.toByteArray());
            }
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 8);
            return "clf-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(when) + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        log.info(line);
        progress.accept(line);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
