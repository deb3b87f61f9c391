package org.kontor.document.digitise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.document.content.ContentType;
import org.kontor.document.digitise.TestDocuments.Order;

/** Real Tesseract, real files: pages drawn with Java2D and PDFBox, then digitised like an upload. */
class DigitiseServiceTest {

    static final Path DATA_DIR = Path.of("target/ocr-test-data");

    static TesseractPool pool;
    static DigitiseService service;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        OcrProperties properties = OcrProperties.defaults().withPoolSize(2);
        pool = new TesseractPool(DATA_DIR, properties);
        service = new DigitiseService(pool, properties);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void readsASkewedNoisyScanWithWordBoxes() throws IOException {
        Order order = TestDocuments.order(1);
        BufferedImage scan = TestDocuments.purchaseOrder(order, "DejaVu Sans", 2.0, 11);
        Path png = TestDocuments.writePng(scan, dir.resolve("po.png"));

        long start = System.nanoTime();
        DigitisedDocument document = service.digitise(png, ContentType.PNG);
        System.out.printf("A4 PNG, 2 degree skew: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(document.source()).isEqualTo(DigitisedDocument.Source.OCR);
        assertThat(document.pages()).hasSize(1);
        String text = TestDocuments.normalise(document.text());
        assertThat(text).contains(order.poNumber(), order.skus()[1], "Total: " + order.total());
        assertThat(document.meanConfidence()).isGreaterThan(80);

        // The table row of the second SKU comes back as one line, its words left to right with boxes.
        List<OcrWord> row = document.pages().get(0).lines().stream()
                .filter(line -> line.stream().anyMatch(w -> w.text().equals(order.skus()[1])))
                .findFirst().orElseThrow();
        assertThat(row.stream().map(OcrWord::text)).contains("Cable", "ties", "250.00");
        assertThat(row).allSatisfy(w -> assertThat(w.w()).isPositive());
        assertThat(row.get(0).text()).isEqualTo(order.skus()[1]);
    }

    @Test
    void deskewFindsTheSlant() {
        BufferedImage scan = TestDocuments.purchaseOrder(TestDocuments.order(2), "DejaVu Serif", 2.0, 5);
        double angle = Deskew.estimateAngle(GrayRaster.of(scan, 300), 5);
        assertThat(angle).isBetween(1.7, 2.3);
        BufferedImage other = TestDocuments.purchaseOrder(TestDocuments.order(2), "DejaVu Serif", -3.5, 5);
        assertThat(Deskew.estimateAngle(GrayRaster.of(other, 300), 5)).isBetween(-3.8, -3.2);
    }

    @Test
    void pdfWithTextLayerIsReadWithoutOcr() throws IOException {
        Order order = TestDocuments.order(3);
        Path pdf = dir.resolve("text.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(16);
                content.newLineAtOffset(60, 760);
                for (String line : new String[] {"PURCHASE ORDER", "PO Number: " + order.poNumber(),
                        "Customer No: " + order.customer(), order.skus()[0] + "  Steel bolts M8  10  12.50  125.00",
                        "Total: " + order.total() + " EUR"}) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            doc.save(pdf.toFile());
        }
        int enginesBefore = pool.engineCount();
        long start = System.nanoTime();

        DigitisedDocument document = service.digitise(pdf, ContentType.PDF);
        System.out.printf("text-layer PDF: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(document.source()).isEqualTo(DigitisedDocument.Source.TEXT_LAYER);
        assertThat(document.meanConfidence()).isEqualTo(100);
        assertThat(document.text()).contains(order.poNumber(), order.skus()[0], order.total());
        assertThat(pool.engineCount()).isEqualTo(enginesBefore);
        OcrWord po = document.pages().get(0).words().stream()
                .filter(w -> w.text().equals(order.poNumber())).findFirst().orElseThrow();
        // Boxes in points from the top: the second line sits ~98 points below the page top.
        assertThat(po.y()).isBetween(85, 105);
        assertThat(po.x()).isGreaterThan(60);
        assertThat(document.pages().get(0).width()).isEqualTo(595);
    }

    @Test
    void scannedPdfIsRenderedAndOcrd() throws IOException {
        Order order = TestDocuments.order(4);
        Path pdf = dir.resolve("scan.pdf");
        writeImagePdf(pdf, TestDocuments.purchaseOrder(order, "DejaVu Serif", 1.0, 4));

        long start = System.nanoTime();
        DigitisedDocument document = service.digitise(pdf, ContentType.PDF);
        System.out.printf("scanned PDF (render 300 dpi + OCR): %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(document.source()).isEqualTo(DigitisedDocument.Source.OCR);
        assertThat(TestDocuments.normalise(document.text())).contains(order.poNumber(), order.skus()[2], order.total());
        assertThat(document.pages().get(0).width()).isBetween(2400, 2600);
    }

    @Test
    void multiPageTiffGivesOnePagePerImage() throws IOException {
        Order first = TestDocuments.order(5);
        Order second = TestDocuments.order(6);
        Path tiff = dir.resolve("two.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(TestDocuments.purchaseOrder(first, "DejaVu Sans Mono", 0, 1), null, null), param);
            writer.writeToSequence(new IIOImage(TestDocuments.purchaseOrder(second, "DejaVu Sans", -1.5, 2), null, null), param);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        DigitisedDocument document = service.digitise(tiff, ContentType.TIFF);

        assertThat(document.pages()).hasSize(2);
        assertThat(TestDocuments.normalise(document.pages().get(0).text())).contains(first.poNumber(), first.total());
        assertThat(TestDocuments.normalise(document.pages().get(1).text())).contains(second.poNumber(), second.total());
        assertThat(document.text()).contains("\f");
    }

    @Test
    void randomBytesLabelledPngAreRefused() throws IOException {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.png"), junk);

        assertThatThrownBy(() -> service.digitise(file, ContentType.PNG))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("The image is damaged or not a valid PNG file");
    }

    @Test
    void truncatedPngIsRefused() throws IOException {
        Path png = TestDocuments.writePng(TestDocuments.purchaseOrder(TestDocuments.order(7), "DejaVu Sans", 0, 7),
                dir.resolve("full.png"));
        byte[] bytes = Files.readAllBytes(png);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> service.digitise(cut, ContentType.PNG))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("The image is damaged");
    }

    @Test
    void pngClaimingHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
        Path file = Files.write(dir.resolve("huge.png"), HostileFiles.pngHeader(60_000, 60_000));

        assertThatThrownBy(() -> service.digitise(file, ContentType.PNG))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("The image is 60000 x 60000 pixels; at most 20000 pixels per side are read.");

        Path many = Files.write(dir.resolve("many.png"), HostileFiles.pngHeader(15_000, 15_000));
        assertThatThrownBy(() -> service.digitise(many, ContentType.PNG))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("The image has 225.0 megapixels; at most 100.0 are read.");
    }

    @Test
    void truncatedPdfIsRefused() throws IOException {
        Path pdf = dir.resolve("full.pdf");
        writeImagePdf(pdf, TestDocuments.purchaseOrder(TestDocuments.order(8), "DejaVu Sans", 0, 8));
        byte[] bytes = Files.readAllBytes(pdf);
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));

        assertThatThrownBy(() -> service.digitise(cut, ContentType.PDF))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("The PDF is incomplete");
    }

    @Test
    void pdfWithTooManyPagesIsRefused() throws IOException {
        Path pdf = dir.resolve("pages.pdf");
        Files.write(pdf, HostileFiles.manyPagePdf(2000));

        assertThatThrownBy(() -> service.digitise(pdf, ContentType.PDF))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("The PDF has 2000 pages; at most 50 are read.");
    }

    @Test
    void garbageAfterPdfHeaderIsRefused() throws IOException {
        byte[] junk = new byte[4096];
        new Random(9).nextBytes(junk);
        byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, junk, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, junk, junk.length - tail.length, tail.length);
        Path file = Files.write(dir.resolve("junk.pdf"), junk);

        assertThatThrownBy(() -> service.digitise(file, ContentType.PDF))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("The PDF");
    }

    @Test
    void anOcrFailureIsNotBlamedOnTheFile() throws IOException {
        Path png = TestDocuments.writePng(TestDocuments.purchaseOrder(TestDocuments.order(9), "DejaVu Sans", 0, 9),
                dir.resolve("fine.png"));
        OcrProperties properties = OcrProperties.defaults().withPoolSize(1);
        TesseractPool closed = new TesseractPool(DATA_DIR, properties);
        closed.close();

        assertThatThrownBy(() -> new DigitiseService(closed, properties).digitise(png, ContentType.PNG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    @Test
    void fourThreadsShareTwoEngines() throws Exception {
        OcrProperties properties = OcrProperties.defaults().withPoolSize(2);
        try (TesseractPool small = new TesseractPool(DATA_DIR, properties)) {
            DigitiseService digitiser = new DigitiseService(small, properties);
            List<Order> orders = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Order order = TestDocuments.order(20 + i);
                orders.add(order);
                String font = i % 2 == 0 ? "DejaVu Sans" : "DejaVu Serif";
                files.add(TestDocuments.writePng(TestDocuments.purchaseOrder(order, font, i % 3 - 1, i),
                        dir.resolve("c" + i + ".png")));
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (Path file : files) {
                    Callable<String> job = () -> digitiser.digitise(file, ContentType.PNG).text();
                    results.add(threads.submit(job));
                }
                for (int i = 0; i < files.size(); i++) {
                    String text = TestDocuments.normalise(results.get(i).get());
                    assertThat(text).contains(orders.get(i).poNumber(), orders.get(i).skus()[0], orders.get(i).total());
                }
            } finally {
                threads.shutdown();
            }
            assertThat(small.engineCount()).isEqualTo(2);
        }
    }

    private static void writeImagePdf(Path pdf, BufferedImage scan) throws IOException {
        Files.write(pdf, HostileFiles.imagePdf(scan));
    }
}
