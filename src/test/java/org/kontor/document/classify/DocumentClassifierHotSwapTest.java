package org.kontor.document.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;

/** Swapping the model while classifications run: none fails, none sees a closed model. */
class DocumentClassifierHotSwapTest {

    private final List<String> texts = new CorpusGenerator(4711).generate(CorpusSplit.HELD_OUT, 8).stream()
            .map(GeneratedDocument::text).toList();
    private DocumentClassifier classifier;

    @BeforeEach
    void load() {
        classifier = new DocumentClassifier(new ClassifierProperties(null, 0.80, Path.of("target/djl-cache")));
    }

    @AfterEach
    void close() {
        classifier.close();
    }

    @Test
    void concurrentClassificationsSurviveSwaps() throws Exception {
        String shipped = classifier.modelVersion();
        Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> workers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.<Object>submit(() -> {
                running.countDown();
                while (!stop.get()) {
                    List<Classification> answers = classifier.classify(texts);
                    assertThat(answers).hasSize(texts.size());
                    answers.forEach(a -> answeredBy.add(a.modelVersion()));
                    calls.incrementAndGet();
                }
                return null;
            })).toList();
            running.await(10, TimeUnit.SECONDS);
            awaitCalls(calls, 4);
            for (int swap = 1; swap <= 6; swap++) {
                int before = calls.get();
                classifier.swap(TestModels.untrained("swap-" + swap));
                awaitCalls(calls, before + 2); // calls that started on the old model and on the new one are done
            }
            classifier.swap(TestModels.shipped());
            awaitCalls(calls, calls.get() + 2);
            stop.set(true);
            for (Future<Object> worker : workers) {
                worker.get(30, TimeUnit.SECONDS); // rethrows any failure of a classification
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(answeredBy).contains(shipped).allSatisfy(v -> assertThat(v).matches(shipped + "|swap-\\d"));
        assertThat(classifier.modelVersion()).isEqualTo(shipped);
        assertThat(classifier.classify(texts.get(0)).modelVersion()).isEqualTo(shipped);
    }

    private static void awaitCalls(AtomicInteger calls, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (calls.get() < atLeast) {
            assertThat(System.nanoTime()).as("classifications keep running").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aSwappedOutModelIsClosedOnlyWhenItsLastCallIsDone() {
        ClassifierModel[] old = new ClassifierModel[1];
        String answeredBy = classifier.withModel(model -> {
            old[0] = model;
            String replaced = classifier.swap(TestModels.untrained("newer"));
            assertThat(replaced).isEqualTo(model.version());
            // still in use here: the swap must not have closed it
            return model.classify(texts, 0.8).get(0).modelVersion();
        });
        assertThat(answeredBy).isEqualTo(old[0].version());
        assertThat(classifier.modelVersion()).isEqualTo("newer");
        assertThatThrownBy(() -> old[0].classify(texts, 0.8)).isInstanceOf(RuntimeException.class);
    }
}
