package org.kontor.bench;

import java.nio.file.Path;
import java.util.List;
import org.kontor.document.classify.*;
import org.kontor.document.corpus.*;
import org.kontor.document.digitise.*;

/** Scratch: shipped model on rendered + OCR'd held-out documents. */
public class ScanEval {
    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("n", 120);
        long seed = Long.getLong("seed", 31_337L);
        String split = System.getProperty("split", "HELD_OUT");
        OcrProperties props = OcrProperties.defaults().withPoolSize(2);
        try (TesseractPool pool = new TesseractPool(Path.of("target/ocr-test-data"), props);
                DocumentClassifier clf = new DocumentClassifier(new ClassifierProperties(null, 0.80, Path.of("target/djl-cache")))) {
            DigitiseService ocr = new DigitiseService(pool, props);
            CorpusSplit s = CorpusSplit.valueOf(split);
            List<GeneratedDocument> docs = new CorpusGenerator(seed).generate(s, n);
            ScannedText scans = new ScannedText(ocr, FontCatalog.installed().forSplit(s, 0.3), 0x5CA7L, Path.of("target/scan-cache"));
            long t = System.nanoTime();
            List<String> texts = scans.all(docs, 2, d -> System.out.println("scanned " + d));
            System.out.printf("OCR %.1f s%n", (System.nanoTime() - t) / 1e9);
            List<Classification> answers = clf.classify(texts);
            ClassifierEvaluation eval = ClassifierEvaluation.of(docs.stream().map(GeneratedDocument::type).toList(), answers);
            System.out.println(eval.summary());
            System.out.print(eval.confusionTable());
            for (int i = 0; i < docs.size(); i++) {
                if (answers.get(i).type() != docs.get(i).type()) {
                    System.out.printf("WRONG %s %s/%s -> %s %.2f font=%s%n", docs.get(i).id(), docs.get(i).type(), docs.get(i).kind(),
                            answers.get(i).type(), answers.get(i).confidence(), scans.style(docs.get(i)));
                }
            }
        }
    }
}
