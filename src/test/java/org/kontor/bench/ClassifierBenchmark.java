package org.kontor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kontor.document.classify.ClassifierEvaluation;
import org.kontor.document.classify.ClassifierProperties;
import org.kontor.document.classify.Classification;
import org.kontor.document.classify.DocumentClassifier;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.OcrNoiseSimulator;

/**
 * Throughput of the shipped classifier at batch sizes 1 and 32, and its accuracy on a held-out set
 * (unseen layout families and wording, own seed, OCR-noise simulated). Run after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.kontor.bench.ClassifierBenchmark [docs]</pre>
 * (see docs/classifier.md for building {@code target/cp.txt}).
 */
public final class ClassifierBenchmark {

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String modelDir = System.getProperty("kontor.classifier.model-dir");
        System.out.println("generating " + docs + " held-out documents ...");
        List<GeneratedDocument> corpus = new CorpusGenerator(8_675_309L).generate(CorpusSplit.HELD_OUT, docs);
        OcrNoiseSimulator ocr = new OcrNoiseSimulator(1.0, 555);
        List<String> texts = corpus.stream().map(ocr).toList();
        try (DocumentClassifier classifier = new DocumentClassifier(new ClassifierProperties(
                modelDir == null ? null : Path.of(modelDir), 0.80, Path.of("target/djl-cache")))) {
            System.out.println("model " + classifier.modelVersion() + ", device chosen by DJL");
            // warm-up: first passes pay for lazy native initialisation
            classifier.classify(texts.subList(0, Math.min(64, texts.size())));

            List<String[]> rows = new ArrayList<>();
            List<Classification> answers = null;
            for (int batch : new int[] {1, 32}) {
                long start = System.nanoTime();
                List<Classification> out = new ArrayList<>(texts.size());
                for (int from = 0; from < texts.size(); from += batch) {
                    out.addAll(classifier.classify(texts.subList(from, Math.min(texts.size(), from + batch))));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rows.add(new String[] {String.valueOf(batch), String.format(Locale.ROOT, "%.0f", texts.size() / seconds),
                        String.format(Locale.ROOT, "%.3f", 1000 * seconds / texts.size())});
                answers = out;
            }
            ClassifierEvaluation eval = ClassifierEvaluation.of(corpus.stream().map(GeneratedDocument::type).toList(), answers);

            System.out.println();
            System.out.printf("%-8s %12s %14s%n", "batch", "docs/s", "ms/doc");
            for (String[] r : rows) {
                System.out.printf("%-8s %12s %14s%n", r[0], r[1], r[2]);
            }
            System.out.println();
            System.out.println("held-out (" + docs + " docs, unseen layouts + wording, simulated OCR noise): " + eval.summary());
            System.out.print(eval.confusionTable());
            System.out.println("(docs/s include feature extraction; threads: ai.djl.pytorch.num_threads="
                    + System.getProperty("ai.djl.pytorch.num_threads", "default") + ")");
        }
    }
}
