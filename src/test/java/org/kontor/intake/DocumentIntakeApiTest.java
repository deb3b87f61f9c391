package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.HostileFiles;
import org.kontor.document.digitise.TestDocuments;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.kontor.platform.config.KontorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Document intake through its real entry points: REST upload and the inbox folder, with the job executor. */
@KontorIntegrationTest
class DocumentIntakeApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    KontorProperties kontor;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void scannedPurchaseOrderIsStoredDigitisedAndClassified() throws Exception {
        byte[] png = png(TestDocuments.purchaseOrder(TestDocuments.order(7), "DejaVu Sans", 1.5, 7));
        HttpResponse<String> created = rest.postMultipart("/api/documents", "integration", "scan-0007.png", png);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(created.body());
        String documentId = accepted.get("documentId").asText();
        assertThat(accepted.get("processInstanceId").asText()).isNotBlank();

        JsonNode document = awaitDocument(documentId, d -> d.hasNonNull("type"));
        assertThat(document.get("textSource").asText()).isEqualTo("OCR");
        assertThat(document.get("type").asText()).isEqualTo("PURCHASE_ORDER");
        assertThat(document.get("modelVersion").asText()).isNotBlank();
        // a purchase order moves on into order intake at once: any status from classification onwards
        assertThat(document.get("status").asText()).isIn("CLASSIFIED", "IN_REVIEW", "EXTRACTED", "ACCEPTED");

        // the same bytes again, under another name: the same document, nothing new started
        HttpResponse<String> again = rest.postMultipart("/api/documents", "clerk", "copy-of-scan.png", png);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("documentId").asText()).isEqualTo(documentId);

        HttpResponse<String> content = rest.get("/api/documents/" + documentId + "/content", "auditor");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void pdfWithTextLayerIsNotOcrd() throws Exception {
        HttpResponse<String> created = rest.postMultipart("/api/documents", "integration", "invoice.pdf",
                HostileFiles.textPdf("INVOICE", "Invoice number: INV-2024-0815", "Invoice date: 12.03.2024",
                        "Bill to: Nordlicht Buerobedarf GmbH", "Your order: PO-88812",
                        "Item  Qty  Unit price  Amount", "OF-1001  10  4.95  49.50", "Subtotal 49.50",
                        "VAT 19% 9.41", "Amount due 58.91 EUR", "Payment terms: 14 days net"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String documentId = json.readTree(created.body()).get("documentId").asText();
        JsonNode document = awaitDocument(documentId, d -> d.hasNonNull("type"));
        assertThat(document.get("textSource").asText()).isEqualTo("TEXT_LAYER");
        assertThat(document.get("pageCount").asInt()).isEqualTo(1);
    }

    @Test
    void junkIsRefusedBeforeAnythingStarts() throws Exception {
        byte[] junk = new byte[10_000];
        new Random(3).nextBytes(junk);
        HttpResponse<String> response = rest.postMultipart("/api/documents", "integration", "order.pdf", junk);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("PDF");

        assertThat(rest.get("/api/documents/does-not-exist", "clerk").statusCode()).isEqualTo(404);
        assertThat(rest.postMultipart("/api/documents", "auditor", "x.csv", "a,b\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void inboxFolderFeedsTheSameProcess() throws Exception {
        Path inbox = kontor.dataDir().resolve("inbox");
        org.springframework.util.FileSystemUtils.deleteRecursively(inbox);
        Files.createDirectories(inbox);
        String csv = "Item,Counted Qty,Bin\nOF-1001,140,A-01\nOF-1002,55,A-02\n" + System.nanoTime() + ",0,X\n";
        Files.writeString(inbox.resolve("count-sheet.csv"), csv);
        Files.write(inbox.resolve("broken.pdf"), "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.US_ASCII));
        byte[] junk = new byte[512];
        new Random(9).nextBytes(junk);
        Files.write(inbox.resolve("junk.bin"), junk);

        await().atMost(Duration.ofSeconds(30)).until(() -> names(inbox.resolve("done")).size() >= 2
                && names(inbox.resolve("failed")).size() >= 2);
        assertThat(names(inbox.resolve("done")))
                .anySatisfy(name -> assertThat(name).endsWith("count-sheet.csv"))
                .anySatisfy(name -> assertThat(name).endsWith("broken.pdf"));
        assertThat(names(inbox.resolve("failed")))
                .anySatisfy(name -> assertThat(name).endsWith("junk.bin"))
                .anySatisfy(name -> assertThat(name).endsWith("junk.bin.reason.txt"));
        assertThat(Files.readString(names(inbox.resolve("failed")).stream().filter(n -> n.endsWith(".reason.txt"))
                .map(n -> inbox.resolve("failed").resolve(n)).findFirst().orElseThrow())).contains("not a document");
    }

    private static java.util.List<String> names(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private JsonNode awaitDocument(String documentId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = rest.get("/api/documents/" + documentId, "clerk");
            last[0] = json.readTree(response.body());
            return response.statusCode() == 200 && condition.test(last[0]);
        });
        return last[0];
    }

    static byte[] png(java.awt.image.BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
