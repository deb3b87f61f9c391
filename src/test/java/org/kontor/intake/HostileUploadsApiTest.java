package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.document.digitise.HostileFiles;
import org.kontor.document.digitise.TestDocuments;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile and broken files through the real upload, with the job executor running: each is either refused at the
 * door with problem+json, or accepted, stored and then stopped by the digitising robot in an incident whose message
 * a clerk understands, at once (retrying the same bytes cannot help), with the document FAILED for the same reason.
 * Afterwards the application still takes a good scan.
 */
@KontorIntegrationTest
class HostileUploadsApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void junkOfEveryKindIsRefusedOrEndsInAReadableIncidentAndTheApplicationLivesOn() throws Exception {
        byte[] scan = HostileFiles.png(TestDocuments.purchaseOrder(TestDocuments.order(41), "DejaVu Sans", 0, 41));
        byte[] pdf = HostileFiles.imagePdf(TestDocuments.purchaseOrder(TestDocuments.order(42), "DejaVu Serif", 0, 42));
        byte[] xlsx = HostileFiles.xlsx("Item,Counted Qty", "OF-1001,140", "OF-1002,55");

        assertRefused(HostileFiles.randomBytes(20_000, 11), "order.pdf");
        assertRefused(HostileFiles.truncated(xlsx, 0.5), "count.xlsx");

        Map<String, String> expectedIncidents = new LinkedHashMap<>();
        expectedIncidents.put(accepted(HostileFiles.truncated(scan, 0.4), "cut-scan.png"), "The image is damaged");
        expectedIncidents.put(accepted(HostileFiles.truncated(pdf, 0.6), "cut-scan.pdf"), "The PDF is incomplete");
        expectedIncidents.put(accepted(HostileFiles.pngHeader(60_000, 60_000), "huge.png"),
                "The image is 60000 x 60000 pixels; at most 20000 pixels per side are read.");
        expectedIncidents.put(accepted(HostileFiles.zipBombXlsx(), "bomb.xlsx"), "The XLSX workbook cannot be read");
        expectedIncidents.put(accepted(HostileFiles.manyPagePdf(2000), "pages.pdf"),
                "The PDF has 2000 pages; at most 50 are read.");

        // No retry cycle to sit through: the incident is there as soon as the robot has tried once.
        for (Map.Entry<String, String> expected : expectedIncidents.entrySet()) {
            String processInstanceId = expected.getKey();
            Incident incident = await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300))
                    .until(() -> engine.getRuntimeService().createIncidentQuery()
                            .processInstanceId(processInstanceId).singleResult(), i -> i != null);
            assertThat(incident.getActivityId()).isEqualTo(DocumentIntakeProcess.TASK_DIGITISE);
            assertThat(incident.getIncidentMessage()).startsWith(expected.getValue())
                    .doesNotContain("Exception").doesNotContain("at org.");
            JsonNode document = document(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult().getBusinessKey());
            assertThat(document.get("status").asText()).isEqualTo("FAILED");
            assertThat(document.get("problems").toString()).contains(incident.getIncidentMessage());
        }

        HttpResponse<String> health = rest.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        String good = json.readTree(rest.postMultipart("/api/documents", "integration", "good.png", scan).body())
                .get("documentId").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> document(good).hasNonNull("type"));
    }

    private void assertRefused(byte[] bytes, String name) throws Exception {
        HttpResponse<String> response = rest.postMultipart("/api/documents", "integration", name, bytes);
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asText()).isNotBlank();
    }

    private String accepted(byte[] bytes, String name) throws Exception {
        HttpResponse<String> response = rest.postMultipart("/api/documents", "integration", name, bytes);
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("processInstanceId").asText();
    }

    private JsonNode document(String documentId) throws Exception {
        return json.readTree(rest.get("/api/documents/" + documentId, "clerk").body());
    }
}
