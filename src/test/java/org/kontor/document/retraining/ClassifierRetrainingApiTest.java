package org.kontor.document.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.document.classify.ClassifierMetadata;
import org.kontor.document.classify.DocumentClassifier;
import org.kontor.document.classify.TestModels;
import org.kontor.document.digitise.HostileFiles;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A retraining through the real entry points, with the job executor running it. */
@KontorIntegrationTest
class ClassifierRetrainingApiTest {

    private static final String RETRAININGS = "/api/classifier/retrainings";

    @LocalServerPort
    int port;
    @Autowired
    DocumentClassifier classifier;

    private final ObjectMapper json = new ObjectMapper();
    private RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @AfterEach
    void putTheShippedModelBack() throws Exception {
        // the context is shared with other integration tests: they expect the shipped model
        ClassifierMetadata shipped = ClassifierMetadata.read(DocumentClassifier.class.getClassLoader()
                .getResourceAsStream(DocumentClassifier.SHIPPED_MODEL + "/" + ClassifierMetadata.FILE_NAME));
        if (!classifier.modelVersion().equals(shipped.version())) {
            classifier.swap(TestModels.shipped());
        }
    }

    @Test
    void aRetrainingStartedByRestShowsProgressAndItsPromotedModelClassifiesTheNextDocument() throws Exception {
        // a weak incumbent, so the tiny candidate of the test settings is not worse and gets promoted
        classifier.swap(TestModels.untrained("untrained-incumbent"));

        assertThat(rest.postJson(RETRAININGS, "clerk", "{\"force\": true}").statusCode()).isEqualTo(403);
        HttpResponse<String> started = rest.postJson(RETRAININGS, "admin", "{\"force\": true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instanceId = json.readTree(started.body()).get("processInstanceId").asText();

        HttpResponse<String> second = rest.postJson(RETRAININGS, "integration", "{\"force\": true}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(second.body()).get("detail").asText()).contains("already running", instanceId);

        List<String> progress = new ArrayList<>();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = rest.get(RETRAININGS + "/" + instanceId, "auditor");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            run[0] = json.readTree(response.body());
            String line = run[0].path("phase").asText() + " " + run[0].path("progress").asText();
            if (progress.isEmpty() || !progress.get(progress.size() - 1).equals(line)) {
                progress.add(line);
            }
            return !"RUNNING".equals(run[0].get("status").asText());
        });
        assertThat(run[0].get("status").asText()).as("%s, progress seen: %s", run[0], progress).isEqualTo("PROMOTED");
        assertThat(run[0].get("epoch").asInt()).isPositive().isLessThanOrEqualTo(run[0].get("maxEpochs").asInt());
        assertThat(run[0].get("candidateAccuracy").asDouble()).isGreaterThanOrEqualTo(run[0].get("incumbentAccuracy").asDouble());
        assertThat(run[0].get("incumbentVersion").asText()).isEqualTo("untrained-incumbent");
        assertThat(run[0].get("decisionReason").asText()).contains("promoted");
        assertThat(progress).as("progress was visible while it ran").anySatisfy(p -> assertThat(p).startsWith("TRAINING"));
        String candidate = run[0].get("candidateVersion").asText();

        JsonNode models = json.readTree(rest.get("/api/classifier/models", "auditor").body());
        assertThat(models.get("inService").asText()).isEqualTo(candidate);
        assertThat(models.get("models").get(0).get("version").asText()).isEqualTo(candidate);
        assertThat(models.get("models").get(0).get("status").asText()).isEqualTo("PROMOTED");

        HttpResponse<String> uploaded = rest.postMultipart("/api/documents", "integration", "invoice-4711.pdf",
                HostileFiles.textPdf("INVOICE", "Invoice number: INV-2026-4711", "Invoice date: 20.11.2026",
                        "Bill to: Hafenkontor Schreibwaren GmbH", "Your order: PO-47110",
                        "Item  Qty  Unit price  Amount", "OF-2002  4  12.50  50.00", "Amount due 59.50 EUR"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String documentId = json.readTree(uploaded.body()).get("documentId").asText();
        JsonNode[] document = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            document[0] = json.readTree(rest.get("/api/documents/" + documentId, "clerk").body());
            return document[0].hasNonNull("modelVersion");
        });
        assertThat(document[0].get("modelVersion").asText()).isEqualTo(candidate);

        assertThat(rest.postJson(RETRAININGS, "admin", "{}").statusCode()).as("the slot is free again").isEqualTo(202);
    }

    @Test
    void anUnknownRetrainingIsNotFound() throws Exception {
        HttpResponse<String> response = rest.get(RETRAININGS + "/no-such-instance", "admin");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("no-such-instance");
    }
}
