package org.kontor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.extract.PurchaseOrderExtractor;

/**
 * Prints the OCR rows of cached benchmark pages (and of the regions read again) and what was extracted:
 * {@code -Dbench=ExtractionDebug -Dbench.ids=po-dev-3,po-dev-6}; {@code -Dbench.variant=auto} for pages OCR'd without
 * rereads.
 */
public final class ExtractionDebug {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String id : System.getProperty("bench.ids", "po-dev-0").split(",")) {
            Path file;
            try (var files = java.nio.file.Files.list(Path.of("target/bench-extract/ocr"))) {
                String variant = System.getProperty("bench.variant", "table-block-numbers-fields");
                file = files.filter(f -> f.getFileName().toString().startsWith(id + "-")
                        && f.getFileName().toString().endsWith("-" + variant + ".json")).findFirst().orElseThrow();
            }
            OcrPage page = json.readValue(file.toFile(), OcrPage.class);
            System.out.println("==== " + id);
            for (List<OcrWord> line : page.lines()) {
                StringBuilder sb = new StringBuilder();
                for (OcrWord w : line) {
                    sb.append(String.format("%s@%d,%d(%.0f) ", w.text(), w.x(), w.y(), w.confidence()));
                }
                System.out.println(sb);
            }
            for (var region : page.rereads()) {
                System.out.printf("---- read again (%s%s) at %d,%d %dx%d%n", region.segmentation(),
                        region.table() ? "" : ", " + region.kind(), region.x(), region.y(), region.w(), region.h());
                for (List<OcrWord> line : region.lines()) {
                    StringBuilder sb = new StringBuilder();
                    for (OcrWord w : line) {
                        sb.append(String.format("%s@%d,%d(%.0f) ", w.text(), w.x(), w.y(), w.confidence()));
                    }
                    System.out.println(sb);
                }
            }
            var po = new PurchaseOrderExtractor().extract(List.of(page));
            System.out.printf("po %s%ncustomer %s%nname %s%norder %s%ndelivery %s%naddress %s%ntotal %s%nlines %.2f%n", po.poNumber(),
                    po.customerNumber(), po.customerName(), po.orderDate(), po.requestedDeliveryDate(), po.deliveryAddress(),
                    po.total(), po.linesConfidence());
            po.lines().forEach(l -> System.out.printf("  %s | %s | %s | %s | %s%n", l.sku(), l.quantity(), l.unitPrice(),
                    l.amount(), l.description().value()));
        }
    }
}
