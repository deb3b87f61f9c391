package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.OcrNoiseSimulator;

/** Real DJL training on the CPU, kept tiny: this checks the plumbing, not the quality. */
class ClassifierTrainingTest {

    @TempDir
    Path dir;

    @Test
    void tinyModelTrainsAndSurvivesSaveAndLoadUnchanged() throws Exception {
        ClassifierTrainer.Settings settings = ClassifierTrainer.Settings.defaults().withSize(300, 60, 60, 2);
        ClassifierTrainer.Result result = new ClassifierTrainer(settings, new OcrNoiseSimulator(0.5, 1), 0.8, line -> { })
                .train();
        List<String> texts = new CorpusGenerator(99).generate(CorpusSplit.HELD_OUT, 24).stream()
                .map(GeneratedDocument::text).toList();
        List<Classification> before;
        ClassifierMetadata written;
        try (ClassifierModel model = result.model()) {
            // two epochs on 300 documents: it must have learnt something (chance is 1/6), not be good;
            // 0.5 was crossed or not depending on thread timing in DJL's training
            assertThat(result.validation().accuracy()).isGreaterThan(0.3);
            assertThat(model.version()).matches("clf-\\d{8}-\\d{4}-[0-9a-f]{8}");
            before = model.classify(texts, 0.8);
            written = model.save(dir);
            // one text alone gives the same answer as inside a batch (up to float rounding of another BLAS path)
            Classification alone = model.classify(texts.subList(3, 4), 0.8).get(0);
            assertThat(alone.type()).isEqualTo(before.get(3).type());
            assertThat(alone.confidence()).isCloseTo(before.get(3).confidence(), org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(Files.size(dir.resolve(written.paramsFile()))).isGreaterThan(1000);
        assertThat(dir.resolve(ClassifierMetadata.FILE_NAME)).exists();
        try (ClassifierModel loaded = ClassifierModel.load(dir)) {
            assertThat(loaded.metadata()).isEqualTo(written);
            assertThat(loaded.version()).isEqualTo(written.version());
            assertThat(loaded.classify(texts, 0.8)).isEqualTo(before);
        }
        assertThat(before).allSatisfy(c -> {
            assertThat(c.top3()).hasSize(3);
            assertThat(c.top3().get(0).type()).isEqualTo(c.type());
            assertThat(c.confidence()).isBetween(0.0, 1.0);
        });
    }
}
