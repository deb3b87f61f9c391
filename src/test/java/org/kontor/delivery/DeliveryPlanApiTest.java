package org.kontor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A day's orders through the REST API into an approved delivery plan and on to delivered and failed deliveries,
 * with the job executor running and the dispatcher answering through /engine-rest, as Tasklist does.
 */
@KontorIntegrationTest
class DeliveryPlanApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient binary = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void confirmedOrdersBecomeAnApprovedPlanWithMapAndManifestsAndTheirDeliveriesAreTracked() throws Exception {
        LocalDate day = LocalDate.now().plusDays(6);
        String delivered = order("C-10001", day, "BV-5001", 6);
        String failed = order("C-10006", day, "OF-1050", 2);

        assertThat(rest.postJson("/api/deliveries/plans", "clerk", "{\"date\":\"" + day + "\"}").statusCode())
                .as("clerks do not plan deliveries").isEqualTo(403);
        HttpResponse<String> requested = rest.postJson("/api/deliveries/plans", "dispatcher",
                "{\"date\":\"" + day + "\",\"timeLimitSeconds\":2}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String planId = json.readTree(requested.body()).get("planId").asText();
        assertThat(requested.headers().firstValue("Location")).hasValue("/api/deliveries/plans/" + planId);
        HttpResponse<String> again = rest.postJson("/api/deliveries/plans", "dispatcher", "{\"date\":\"" + day + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(again.body()).contains(planId).contains("still open");

        JsonNode plan = awaitPlan(planId, "PROPOSED");
        assertThat(plan.get("progress").get("finished").asBoolean()).isTrue();
        assertThat(plan.get("progress").get("bestScore").asText()).contains("vehicles");
        assertThat(stops(plan)).contains(delivered, failed);
        JsonNode firstStop = plan.get("routes").get(0).get("stops").get(0);
        assertThat(firstStop.get("eta").asText()).matches("\\d\\d:\\d\\d(:\\d\\d)?");
        assertThat(plan.get("routes").get(0).get("loadKg").asDouble()).isPositive();

        HttpResponse<byte[]> map = binary.send(rest.request(plan.get("mapUrl").asText(), "dispatcher").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(map.body()));
        assertThat(picture.getWidth()).isGreaterThan(500);

        // the dispatcher approves in Tasklist, i.e. through /engine-rest under Camunda's authorizations
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(planId)
                .taskDefinitionKey(DeliveryPlanningProcess.USER_TASK_APPROVE).singleResult();
        HttpResponse<String> approved = rest.postJson("/engine-rest/task/" + approval.getId() + "/complete", "dispatcher",
                "{\"variables\":{\"planDecision\":{\"value\":\"APPROVE\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isIn(200, 204);

        plan = awaitPlan(planId, "APPROVED");
        assertThat(plan.get("approvedBy").asText()).isEqualTo("dispatcher");
        JsonNode order = awaitOrder(delivered, "SCHEDULED");
        JsonNode delivery = order.get("delivery");
        assertThat(delivery.get("date").asText()).isEqualTo(day.toString());
        assertThat(delivery.get("vehicleId").asText()).isNotBlank();
        assertThat(delivery.get("stop").asInt()).isPositive();
        assertThat(delivery.get("eta").asText()).startsWith(day.toString());
        JsonNode listed = json.readTree(rest.get("/api/orders?status=SCHEDULED&customerNumber=C-10001", "dispatcher").body());
        JsonNode same = null;
        for (JsonNode o : listed) {
            same = o.get("orderId").asText().equals(delivered) ? o : same;
        }
        assertThat(same).as("the order list shows deliveries too").isNotNull();
        assertThat(same.get("delivery").get("vehicleId").asText()).isEqualTo(delivery.get("vehicleId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> awaitPlan(planId, "APPROVED").get("manifests").size()
                == awaitPlan(planId, "APPROVED").get("routes").size());
        plan = awaitPlan(planId, "APPROVED");
        String manifestUrl = plan.get("manifests").get(0).get("url").asText();
        HttpResponse<byte[]> manifest = binary.send(rest.request(manifestUrl, "dispatcher").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(manifest.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(manifest.body()))) {
            Sheet tour = workbook.getSheet("Tour");
            for (Row row : tour) {
                row.forEach(cell -> cells.add(cell.toString()));
            }
            assertThat(workbook.getSheet("Items").getPhysicalNumberOfRows()).isGreaterThan(1);
        }
        assertThat(cells).contains(plan.get("manifests").get(0).get("vehicleId").asText(), "ETA");

        HttpResponse<String> report = rest.postJson("/api/deliveries/" + delivered + "/events", "integration",
                "{\"type\":\"DELIVERED\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(202);
        awaitOrder(delivered, "DELIVERED");

        HttpResponse<String> noReason = rest.postJson("/api/deliveries/" + failed + "/events", "integration",
                "{\"type\":\"FAILED\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(rest.postJson("/api/deliveries/" + failed + "/events", "integration",
                "{\"type\":\"FAILED\",\"reason\":\"Loading dock closed\"}").statusCode()).isEqualTo(202);
        JsonNode requeued = awaitOrder(failed, "CONFIRMED");
        assertThat(requeued.get("delivery").get("status").asText()).isEqualTo("AWAITING_REPLAN");
        assertThat(requeued.get("delivery").get("lastFailure").asText()).isEqualTo("Loading dock closed");
    }

    @Test
    void concurrentRequestsForOneDayOpenOnePlan() throws Exception {
        String body = "{\"date\":\"" + LocalDate.now().plusDays(40) + "\",\"timeLimitSeconds\":1}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> rest.postJson("/api/deliveries/plans", "dispatcher", body)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var call : calls) {
            statuses.add(call.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(202, 409);
        assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(1);
    }

    @Test
    void badRequestsSayWhatToFix() {
        HttpResponse<String> past = rest.postJson("/api/deliveries/plans", "dispatcher", "{\"date\":\"2020-01-01\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("in the past");
        assertThat(rest.postJson("/api/deliveries/plans", "dispatcher", "{}").statusCode()).isEqualTo(400);
        assertThat(rest.postJson("/api/deliveries/plans", "dispatcher",
                "{\"date\":\"" + LocalDate.now().plusDays(30) + "\",\"timeLimitSeconds\":9999}").statusCode()).isEqualTo(400);
        assertThat(rest.get("/api/deliveries/plans/" + UUID.randomUUID(), "dispatcher").statusCode()).isEqualTo(404);
        assertThat(rest.postJson("/api/deliveries/" + UUID.randomUUID() + "/events", "integration",
                "{\"type\":\"DELIVERED\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongType = rest.postJson("/api/deliveries/" + UUID.randomUUID() + "/events", "integration",
                "{\"type\":\"LOST\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
    }

    private String order(String customer, LocalDate due, String sku, int quantity) throws Exception {
        String body = """
                {"poNumber":"PO-%s","customerNumber":"%s","requestedDeliveryDate":"%s",
                 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), customer,
                due, sku, quantity);
        HttpResponse<String> created = rest.postJson("/api/orders", "integration", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json.readTree(created.body()).get("orderId").asText();
        awaitOrder(orderId, "CONFIRMED");
        return orderId;
    }

    private JsonNode awaitOrder(String orderId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = json.readTree(rest.get("/api/orders/" + orderId, "dispatcher").body());
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private JsonNode awaitPlan(String planId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = json.readTree(rest.get("/api/deliveries/plans/" + planId, "dispatcher").body());
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private static List<String> stops(JsonNode plan) {
        List<String> ids = new ArrayList<>();
        plan.get("routes").forEach(r -> r.get("stops").forEach(s -> ids.add(s.get("orderId").asText())));
        return ids;
    }
}
