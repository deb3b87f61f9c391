package org.kontor.document.classify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What is needed to rebuild and trust a saved model: its version, architecture and label order, the
 * calibration temperature, and how it scored when it was trained. Stored as {@value #FILE_NAME} beside the
 * parameters file.
 *
 * @param version            e.g. {@code clf-20250101-1200-1a2b3c4d}
 * @param paramsFile         the DJL parameters file in the same folder
 * @param labels             output order of the network
 * @param featureDimension   input size; must equal {@link TextFeatures#DIMENSION}
 * @param hidden             units of the hidden layer
 * @param inputDropout       dropout on the features during training
 * @param dropout            dropout after the hidden layer during training
 * @param temperature        logits are divided by this before the softmax
 * @param trainedAt          ISO instant
 * @param trainingSeconds    wall time of the training run
 * @param epochs             epochs of the kept parameters
 * @param trainDocuments     size of the training split
 * @param validationAccuracy accuracy on the validation split (unseen layouts, seen wording)
 * @param heldOutAccuracy    accuracy on the held-out split (unseen layouts and wording), never tuned on
 * @param heldOutDocuments   size of the held-out split
 * @param notes              free-form facts about the run (seeds, text source, features)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifierMetadata(
        String version,
        String paramsFile,
        List<String> labels,
        int featureDimension,
        int hidden,
        float inputDropout,
        float dropout,
        double temperature,
        String trainedAt,
        double trainingSeconds,
        int epochs,
        int trainDocuments,
        double validationAccuracy,
        double heldOutAccuracy,
        int heldOutDocuments,
        Map<String, String> notes) {

    public static final String FILE_NAME = "classifier.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ClassifierMetadata read(InputStream in) throws IOException {
        return JSON.readValue(in, ClassifierMetadata.class);
    }

    public static ClassifierMetadata read(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(FILE_NAME))) {
            return read(in);
        }
    }

    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }

    ClassifierMetadata withTemperature(double t) {
        return new ClassifierMetadata(version, paramsFile, labels, featureDimension, hidden, inputDropout, dropout, t,
                trainedAt, trainingSeconds, epochs, trainDocuments, validationAccuracy, heldOutAccuracy,
                heldOutDocuments, notes);
    }
}
