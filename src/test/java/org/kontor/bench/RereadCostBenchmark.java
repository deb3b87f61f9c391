package org.kontor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kontor.document.corpus.PurchaseOrderCorpus;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.GrayRaster;
import org.kontor.document.digitise.OcrProperties;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.digitise.TesseractPool;
import org.kontor.document.extract.HeaderValueRegion;
import org.kontor.document.extract.LineTableRegion;
import org.kontor.masterdata.DemoMasterData;

/**
 * What the second readings of a purchase-order page cost: the same rendered development pages digitised on one engine
 * with the page reading only, plus the line table, plus its number columns, plus the header values. Each page is
 * digitised by every configuration in turn (rounds alternate the order), so a machine whose load comes and goes slows
 * them alike.
 *
 * <p>{@code mvn -q -Pbench test-compile exec:java -Dbench=RereadCostBenchmark -Dbench.documents=20 -Dbench.rounds=2}
 */
public final class RereadCostBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("bench.documents", 20);
        int rounds = Integer.getInteger("bench.rounds", 2);
        PurchaseOrderCorpus corpus = new PurchaseOrderCorpus(20261122L, DemoMasterData.load());
        List<GrayRaster> pages = new ArrayList<>();
        for (PurchaseOrderCorpus.Sample s : corpus.samples(false, documents)) {
            pages.add(GrayRaster.of(corpus.render(s), 300));
        }
        OcrRegionFinder table = only(new LineTableRegion(), OcrRegion.Kind.TABLE);
        List<String> names = List.of("page only", "+ line table", "+ number columns", "+ header values");
        List<List<OcrRegionFinder>> configs = List.of(List.of(), List.of(table), List.of(new LineTableRegion()),
                List.of(new LineTableRegion(), new HeaderValueRegion()));
        OcrProperties properties = OcrProperties.defaults().withPoolSize(1);
        long[] nanos = new long[configs.size()];
        try (TesseractPool pool = new TesseractPool(Path.of("target/bench-extract/data"), properties)) {
            pool.warmUp();
            List<DigitiseService> digitisers = configs.stream()
                    .map(finders -> new DigitiseService(pool, properties, finders)).toList();
            for (int round = 0; round < rounds; round++) {
                // page by page, every configuration in turn: a load that comes and goes hits them alike
                for (GrayRaster page : pages) {
                    for (int k = 0; k < configs.size(); k++) {
                        int c = round % 2 == 0 ? k : configs.size() - 1 - k;
                        long start = System.nanoTime();
                        digitisers.get(c).ocr(page);
                        nanos[c] += System.nanoTime() - start;
                    }
                }
            }
        }
        System.out.printf("%n%-20s %12s %14s%n", "digitising", "ms per page", "vs page only");
        for (int k = 0; k < configs.size(); k++) {
            double ms = nanos[k] / 1e6 / rounds / pages.size();
            System.out.printf("%-20s %12.0f %13.1f%%%n", names.get(k), ms, 100.0 * (nanos[k] - nanos[0]) / nanos[0]);
        }
    }

    private static OcrRegionFinder only(OcrRegionFinder finder, OcrRegion.Kind kind) {
        return page -> finder.regionsToReread(page).stream().filter(r -> r.kind() == kind).toList();
    }
}
