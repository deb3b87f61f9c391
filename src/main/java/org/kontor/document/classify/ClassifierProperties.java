package org.kontor.document.classify;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code kontor.classifier.*}.
 *
 * @param modelDir            folder of a retrained, promoted model ({@code classifier.json} + parameters); empty
 *                            means the model shipped inside the application
 * @param confidenceThreshold below this confidence a clerk classifies the document
 * @param engineCacheDir      where DJL unpacks the PyTorch natives (about 430 MB, once); application.yml puts it
 *                            under {@code kontor.data-dir}
 * @param minOcrConfidence    a scan whose OCR reading has a lower mean word confidence (0..100) goes to a clerk
 *                            whatever the classifier says: on a page Tesseract could hardly read, a confident
 *                            answer is a guess
 */
@ConfigurationProperties("kontor.classifier")
public record ClassifierProperties(
        Path modelDir,
        double confidenceThreshold,
        Path engineCacheDir,
        double minOcrConfidence) {

    public static final double DEFAULT_MIN_OCR_CONFIDENCE = 50;

    @ConstructorBinding
    public ClassifierProperties(Path modelDir, @DefaultValue("0.80") double confidenceThreshold, Path engineCacheDir,
            @DefaultValue("50") double minOcrConfidence) {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("kontor.classifier.confidence-threshold must be within 0..1, was "
                    + confidenceThreshold);
        }
        if (minOcrConfidence < 0 || minOcrConfidence > 100) {
            throw new IllegalArgumentException("kontor.classifier.min-ocr-confidence must be within 0..100, was "
                    + minOcrConfidence);
        }
        this.modelDir = modelDir;
        this.confidenceThreshold = confidenceThreshold;
        this.engineCacheDir = engineCacheDir;
        this.minOcrConfidence = minOcrConfidence;
    }

    /** Tools and tests that load a model outside Spring. */
    public ClassifierProperties(Path modelDir, double confidenceThreshold, Path engineCacheDir) {
        this(modelDir, confidenceThreshold, engineCacheDir, DEFAULT_MIN_OCR_CONFIDENCE);
    }

    /** Whether a clerk must confirm this answer, given how well the page was read (null: not OCR'd). */
    public boolean needsReview(Classification answer, Double ocrConfidence) {
        return answer.needsReview() || (ocrConfidence != null && ocrConfidence < minOcrConfidence);
    }
}
