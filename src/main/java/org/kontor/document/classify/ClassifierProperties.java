package org.kontor.document.classify;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code kontor.classifier.*}.
 *
 * @param modelDir            folder of a retrained, promoted model ({@code classifier.json} + parameters); empty
 *                            means the model shipped inside the application
 * @param confidenceThreshold below this confidence a clerk classifies the document
 * @param engineCacheDir      where DJL unpacks the PyTorch natives (about 430 MB, once); application.yml puts it
 *                            under {@code kontor.data-dir}
 */
@ConfigurationProperties("kontor.classifier")
public record ClassifierProperties(
        Path modelDir,
        @DefaultValue("0.80") double confidenceThreshold,
        Path engineCacheDir) {

    public ClassifierProperties {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("kontor.classifier.confidence-threshold must be within 0..1, was "
                    + confidenceThreshold);
        }
    }
}
