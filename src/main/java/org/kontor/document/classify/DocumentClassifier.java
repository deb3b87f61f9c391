package org.kontor.document.classify;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Classifies document text into a {@link org.kontor.document.DocumentType}. At start-up it loads the latest
 * model promoted by a retraining (from the registry, if its files are on this node), else the one in
 * {@code kontor.classifier.model-dir}, else the one shipped in the application ({@value #SHIPPED_MODEL} on the
 * classpath). {@link #swap(ClassifierModel)} replaces the model while classifications are running: calls that
 * started on the old model finish on it, and it is closed when the last of them is done. Thread-safe; give it
 * many texts at once, they go through the network in batches.
 */
@Service
public class DocumentClassifier implements AutoCloseable {

    public static final String SHIPPED_MODEL = "model";

    private static final Logger log = LoggerFactory.getLogger(DocumentClassifier.class);

    private final AtomicReference<InUse> current = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final double confidenceThreshold;

    /** Without a registry: the model of {@code kontor.classifier.model-dir} or the shipped one (tests, benchmarks). */
    public DocumentClassifier(ClassifierProperties properties) {
        this(properties, Optional.empty());
    }

    @Autowired
    public DocumentClassifier(ClassifierProperties properties, ClassifierModelRegistry registry) {
        this(properties, registry.latestPromotedModelDir());
    }

    private DocumentClassifier(ClassifierProperties properties, Optional<Path> promoted) {
        DjlEnvironment.configure(properties.engineCacheDir());
        this.confidenceThreshold = properties.confidenceThreshold();
        Path dir = promoted.orElse(properties.modelDir());
        ClassifierModel model;
        try {
            model = dir != null ? ClassifierModel.load(dir) : ClassifierModel.loadResource(SHIPPED_MODEL);
        } catch (IOException e) {
            if (promoted.isEmpty()) {
                throw new UncheckedIOException("document classifier model could not be loaded", e);
            }
            // a damaged promoted model must not keep the node from starting: classify with the configured one
            log.warn("Promoted classifier model in {} could not be loaded, using the configured one: {}", dir,
                    e.getMessage());
            dir = properties.modelDir();
            try {
                model = dir != null ? ClassifierModel.load(dir) : ClassifierModel.loadResource(SHIPPED_MODEL);
            } catch (IOException again) {
                throw new UncheckedIOException("document classifier model could not be loaded", again);
            }
        }
        current.set(new InUse(model));
        ClassifierMetadata meta = model.metadata();
        log.info("Document classifier {} loaded from {} (held-out accuracy {}, review below confidence {})",
                meta.version(), dir != null ? dir : "the application", meta.heldOutAccuracy(), confidenceThreshold);
    }

    /** One answer per text, in order. Texts may be empty (an unreadable scan): they get a low-confidence answer. */
    public List<Classification> classify(List<String> texts) {
        return withModel(model -> model.classify(texts, confidenceThreshold));
    }

    public Classification classify(String text) {
        return classify(List.of(text)).get(0);
    }

    public String modelVersion() {
        return withModel(ClassifierModel::version);
    }

    public ClassifierMetadata metadata() {
        return withModel(ClassifierModel::metadata);
    }

    public double confidenceThreshold() {
        return confidenceThreshold;
    }

    /**
     * Runs {@code work} on the model in use now; a swap during the call does not close that model under it.
     * For evaluations that must see one model throughout.
     */
    public <T> T withModel(Function<ClassifierModel, T> work) {
        while (true) {
            InUse inUse = current.get();
            if (inUse.acquire()) {
                try {
                    return work.apply(inUse.model);
                } finally {
                    inUse.release();
                }
            }
            // lost a race with a swap that already let go of this model: take the new one
        }
    }

    /**
     * Puts {@code model} in service and returns the version it replaced. The old model is closed once the calls
     * still using it are done; the classifier owns {@code model} from now on.
     */
    public String swap(ClassifierModel model) {
        InUse old = current.getAndSet(new InUse(model));
        log.info("Document classifier swapped: {} replaces {}", model.version(), old.model.version());
        old.release();
        return old.model.version();
    }

    @PreDestroy
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            current.get().release();
        }
    }

    /**
     * A model with a count of its users. The classifier itself holds one use while the model is current; when the
     * count reaches zero nobody can acquire it again and it is closed, exactly once.
     */
    private static final class InUse {
        final ClassifierModel model;
        private final AtomicInteger users = new AtomicInteger(1);

        InUse(ClassifierModel model) {
            this.model = model;
        }

        boolean acquire() {
            while (true) {
                int n = users.get();
                if (n == 0) {
                    return false;
                }
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                model.close();
            }
        }
    }
}
