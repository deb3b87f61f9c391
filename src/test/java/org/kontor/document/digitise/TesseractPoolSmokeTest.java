package org.kontor.document.digitise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TesseractPoolSmokeTest {

    @Test
    void recognisesARenderedPage() throws Exception {
        Path dataDir = Path.of("target/ocr-test-data");
        try (TesseractPool pool = new TesseractPool(dataDir, OcrProperties.defaults().withPoolSize(1))) {
            TestDocuments.Order order = TestDocuments.order(1);
            var image = TestDocuments.purchaseOrder(order, "DejaVu Sans", 0, 1);
            long t0 = System.nanoTime();
            pool.warmUp();
            long t1 = System.nanoTime();
            OcrPage page = pool.recognise(GrayRaster.of(image, 300));
            long t2 = System.nanoTime();
            OcrPage page2 = pool.recognise(GrayRaster.of(image, 300));
            long t3 = System.nanoTime();
            System.out.printf("init %d ms, page %d ms, page2 %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            System.out.println(page.text());
            System.out.println(page.words().subList(0, 5));
            assertThat(page.text()).contains(order.poNumber());
        }
    }
}
