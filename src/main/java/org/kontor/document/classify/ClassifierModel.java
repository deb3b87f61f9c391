package org.kontor.document.classify;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kontor.document.DocumentType;

/**
 * A trained classifier network with its metadata: features in, calibrated probabilities out, in batches.
 * Thread-safe: inference only reads the parameters, and every batch has its own {@link NDManager}, closed
 * when the batch is done so no native memory outlives the call. The model sits on DJL's default device,
 * which is a CUDA GPU when the CUDA natives and a GPU are present, else the CPU.
 */
public final class ClassifierModel implements AutoCloseable {

    public static final String MODEL_NAME = "kontor-classifier";
    /** Bigger lists are split so one call cannot allocate an unbounded input tensor. */
    static final int MAX_BATCH = 256;

    private final Model model;
    private final ClassifierMetadata metadata;
    private final TextFeatures features = new TextFeatures();
    private final List<DocumentType> labels;

    ClassifierModel(Model model, ClassifierMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
        this.labels = metadata.labels().stream().map(DocumentType::valueOf).toList();
        if (metadata.featureDimension() != TextFeatures.DIMENSION) {
            throw new IllegalStateException("model " + metadata.version() + " expects " + metadata.featureDimension()
                    + " features, this build computes " + TextFeatures.DIMENSION + ": retrain it");
        }
    }

    static Block network(int hidden, float inputDropout, float dropout, int outputs) {
        return new SequentialBlock()
                .add(Dropout.builder().optRate(inputDropout).build())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(outputs).build());
    }

    /** A model saved by {@link #save(Path)} or the trainer. */
    public static ClassifierModel load(Path dir) throws IOException {
        ClassifierMetadata meta = ClassifierMetadata.read(dir);
        Model model = newModel(meta);
        try (InputStream in = Files.newInputStream(dir.resolve(meta.paramsFile()))) {
            model.load(in);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load classifier model from " + dir + ": " + e.getMessage(), e);
        }
        return new ClassifierModel(model, meta);
    }

    /** A model shipped inside the application, e.g. {@code model/} on the classpath. */
    public static ClassifierModel loadResource(String folder) throws IOException {
        ClassLoader loader = ClassifierModel.class.getClassLoader();
        ClassifierMetadata meta;
        try (InputStream in = loader.getResourceAsStream(folder + "/" + ClassifierMetadata.FILE_NAME)) {
            if (in == null) {
                throw new IOException("no classifier model on the classpath at " + folder);
            }
            meta = ClassifierMetadata.read(in);
        }
        Model model = newModel(meta);
        try (InputStream in = loader.getResourceAsStream(folder + "/" + meta.paramsFile())) {
            if (in == null) {
                throw new IOException("classifier parameters " + meta.paramsFile() + " missing on the classpath");
            }
            model.load(in);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load classifier model " + meta.version() + ": " + e.getMessage(), e);
        }
        return new ClassifierModel(model, meta);
    }

    private static Model newModel(ClassifierMetadata meta) {
        Model model = Model.newInstance(MODEL_NAME);
        Block block = network(meta.hidden(), meta.inputDropout(), meta.dropout(), meta.labels().size());
        model.setBlock(block);
        // Shapes must be known before the parameters can be read into the block.
        block.initialize(model.getNDManager(), model.getDataType(), new Shape(1, meta.featureDimension()));
        return model;
    }

    /** Writes the parameters and {@value ClassifierMetadata#FILE_NAME} into {@code dir}; returns the metadata written. */
    public ClassifierMetadata save(Path dir) throws IOException {
        return save(model, metadata, dir);
    }

    static ClassifierMetadata save(Model model, ClassifierMetadata meta, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().matches(MODEL_NAME + "-\\d+\\.params")).toList()) {
                Files.delete(p);
            }
        }
        model.setProperty("version", meta.version());
        model.save(dir, MODEL_NAME);
        String params;
        try (Stream<Path> files = Files.list(dir)) {
            params = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(MODEL_NAME + "-\\d+\\.params"))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IOException("DJL wrote no parameters file into " + dir));
        }
        ClassifierMetadata written = new ClassifierMetadata(meta.version(), params, meta.labels(),
                meta.featureDimension(), meta.hidden(), meta.inputDropout(), meta.dropout(), meta.temperature(),
                meta.trainedAt(), meta.trainingSeconds(), meta.epochs(), meta.trainDocuments(),
                meta.validationAccuracy(), meta.heldOutAccuracy(), meta.heldOutDocuments(), meta.notes());
        written.write(dir);
        return written;
    }

    public ClassifierMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    /**
     * Classifies all texts, {@value #MAX_BATCH} per forward pass. A text with fewer than
     * {@value #MIN_READABLE_WORDS} readable words (a blank or unreadable scan) is not put to the network: it
     * gets {@code OTHER} with confidence 0 and a single guess, so it always goes to a clerk.
     */
    public List<Classification> classify(List<String> texts, double reviewThreshold) {
        List<Classification> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += MAX_BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH));
            float[][] probs = probabilities(featurize(batch), metadata.temperature());
            for (int i = 0; i < probs.length; i++) {
                out.add(readableWords(batch.get(i)) < MIN_READABLE_WORDS
                        ? new Classification(DocumentType.OTHER, 0, List.of(new Guess(DocumentType.OTHER, 0)),
                                metadata.version(), reviewThreshold)
                        : toClassification(probs[i], reviewThreshold));
            }
        }
        return out;
    }

    static final int MIN_READABLE_WORDS = 3;

    private static int readableWords(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        for (String t : TextFeatures.rawTokens(text.length() > 2000 ? text.substring(0, 2000) : text)) {
            if (t.chars().filter(Character::isLetter).count() >= 2 && ++words >= MIN_READABLE_WORDS) {
                break;
            }
        }
        return words;
    }

    float[] featurize(List<String> texts) {
        float[] x = new float[texts.size() * TextFeatures.DIMENSION];
        for (int i = 0; i < texts.size(); i++) {
            features.vector(texts.get(i), x, i * TextFeatures.DIMENSION);
        }
        return x;
    }

    /** Softmax of logits / temperature for a row-major batch of feature vectors. */
    float[][] probabilities(float[] x, double temperature) {
        return forward(model, x, labels.size(), temperature, true);
    }

    float[][] logits(float[] x) {
        return forward(model, x, labels.size(), 1, false);
    }

    static float[][] forward(Model model, float[] x, int outputs, double temperature, boolean softmax) {
        int n = x.length / TextFeatures.DIMENSION;
        float[][] out = new float[n][];
        if (n == 0) {
            return out;
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(x, new Shape(n, TextFeatures.DIMENSION));
            NDArray logits = model.getBlock()
                    .forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow();
            NDArray result = softmax ? logits.div((float) temperature).softmax(1) : logits;
            float[] flat = result.toFloatArray();
            for (int i = 0; i < n; i++) {
                out[i] = new float[outputs];
                System.arraycopy(flat, i * outputs, out[i], 0, outputs);
            }
        }
        return out;
    }

    Classification toClassification(float[] p, double reviewThreshold) {
        List<Guess> guesses = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            guesses.add(new Guess(labels.get(k), p[k]));
        }
        guesses.sort(Comparator.comparingDouble(Guess::probability).reversed());
        Guess best = guesses.get(0);
        return new Classification(best.type(), best.probability(), guesses.subList(0, Math.min(3, guesses.size())),
                metadata.version(), reviewThreshold);
    }

    Model model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
