package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kontor.document.DocumentType;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.OcrNoiseSimulator;

/**
 * The model that ships, on documents it has never seen: held-out layout families, held-out titles and
 * wording, held-out kinds of "other" paperwork, a corpus seed and an OCR-noise salt that training never used.
 */
class ShippedModelAccuracyTest {

    /** Neither the training seed nor the trainer's own held-out seed. */
    static final long TEST_SEED = 31_337L;
    static final long NOISE_SALT = 4242L;
    static final int DOCUMENTS = 300;

    private static DocumentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new DocumentClassifier(new ClassifierProperties(null, 0.80, Path.of("target/djl-cache")));
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void classifiesUnseenDocumentsAndRoutesNoConfidentMistakeWithoutAClerk() {
        List<GeneratedDocument> docs = new CorpusGenerator(TEST_SEED).generate(CorpusSplit.HELD_OUT, DOCUMENTS);
        OcrNoiseSimulator ocr = new OcrNoiseSimulator(1.0, NOISE_SALT);
        List<Classification> answers = classifier.classify(docs.stream().map(ocr).toList());
        ClassifierEvaluation eval = ClassifierEvaluation.of(docs.stream().map(GeneratedDocument::type).toList(), answers);

        System.out.println("shipped model " + classifier.modelVersion() + " on " + DOCUMENTS + " held-out documents: "
                + eval.summary());
        System.out.print(eval.confusionTable());

        assertThat(answers).allSatisfy(a -> assertThat(a.modelVersion()).isEqualTo(classifier.modelVersion()));
        assertThat(eval.accuracy()).isGreaterThanOrEqualTo(0.95);
        // A clerk review is cheaper than a wrong route: no confident mistake may go straight into a process (the
        // other answers land in the clerk's triage, where a wrong type is corrected).
        long routedWithoutAClerk = java.util.stream.IntStream.range(0, docs.size())
                .filter(i -> answers.get(i).type() != docs.get(i).type() && !answers.get(i).needsReview()
                        && ScannedDocumentAccuracyTest.ROUTED_WITHOUT_A_CLERK.contains(answers.get(i).type()))
                .count();
        assertThat(routedWithoutAClerk).as(eval.summary()).isZero();
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        List<String> texts = new CorpusGenerator(TEST_SEED + 1).generate(CorpusSplit.HELD_OUT, 48).stream()
                .map(GeneratedDocument::text).toList();
        List<Classification> expected = classifier.classify(texts);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Classification>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> classifier.classify(texts)));
            }
            for (var f : futures) {
                List<Classification> got = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(got.get(i).type()).isEqualTo(expected.get(i).type());
                    assertThat(got.get(i).confidence()).isCloseTo(expected.get(i).confidence(),
                            org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreadableTextGoesToAClerk() {
        List<Classification> answers = classifier.classify(List.of("", "%%%% ~~~ //// 12 34", "x1 y2"));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo(DocumentType.OTHER);
            assertThat(a.needsReview()).isTrue();
        });
    }
}
