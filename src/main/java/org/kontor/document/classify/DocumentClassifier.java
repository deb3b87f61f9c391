package org.kontor.document.classify;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Classifies document text into a {@link org.kontor.document.DocumentType}. Loads the model once at start-up:
 * a promoted retrained model from {@code kontor.classifier.model-dir} when set, else the one shipped in the
 * application ({@value #SHIPPED_MODEL} on the classpath). Thread-safe; give it many texts at once, they go
 * through the network in batches.
 */
@Service
public class DocumentClassifier implements AutoCloseable {

    public static final String SHIPPED_MODEL = "model";

    private static final Logger log = LoggerFactory.getLogger(DocumentClassifier.class);

    private final ClassifierModel model;
    private final double confidenceThreshold;

    public DocumentClassifier(ClassifierProperties properties) {
        DjlEnvironment.configure(properties.engineCacheDir());
        this.confidenceThreshold = properties.confidenceThreshold();
        try {
            this.model = properties.modelDir() != null
                    ? ClassifierModel.load(properties.modelDir())
                    : ClassifierModel.loadResource(SHIPPED_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException("document classifier model could not be loaded", e);
        }
        ClassifierMetadata meta = model.metadata();
        log.info("Document classifier {} loaded from {} (held-out accuracy {}, review below confidence {})",
                meta.version(), properties.modelDir() != null ? properties.modelDir() : "the application",
                meta.heldOutAccuracy(), confidenceThreshold);
    }

    /** One answer per text, in order. Texts may be empty (an unreadable scan): they get a low-confidence answer. */
    public List<Classification> classify(List<String> texts) {
        return model.classify(texts, confidenceThreshold);
    }

    public Classification classify(String text) {
        return classify(List.of(text)).get(0);
    }

    public String modelVersion() {
        return model.version();
    }

    public ClassifierMetadata metadata() {
        return model.metadata();
    }

    public double confidenceThreshold() {
        return confidenceThreshold;
    }

    @PreDestroy
    @Override
    public void close() {
        model.close();
    }
}
