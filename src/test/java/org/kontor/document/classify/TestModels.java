package org.kontor.document.classify;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kontor.document.DocumentType;

/** Models for tests that need one quickly, e.g. a weak incumbent for a retraining to beat. */
public final class TestModels {

    private TestModels() {
    }

    /** A network with freshly initialised (random) parameters: about as good as guessing. */
    public static ClassifierModel untrained(String version) {
        List<String> labels = Arrays.stream(DocumentType.values()).map(Enum::name).toList();
        Model model = Model.newInstance(ClassifierModel.MODEL_NAME);
        Block block = ClassifierModel.network(8, 0f, 0f, labels.size());
        model.setBlock(block);
        block.initialize(model.getNDManager(), model.getDataType(), new Shape(1, TextFeatures.DIMENSION));
        return new ClassifierModel(model, new ClassifierMetadata(version, "", labels, TextFeatures.DIMENSION, 8, 0f, 0f,
                1.0, "", 0, 0, 0, 0, 0, 0, Map.of()));
    }

    /** The model shipped in the application, freshly loaded. */
    public static ClassifierModel shipped() throws java.io.IOException {
        return ClassifierModel.loadResource(DocumentClassifier.SHIPPED_MODEL);
    }
}
