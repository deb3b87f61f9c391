package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Orders through the REST API with the job executor running, as an ERP would send them. */
@KontorIntegrationTest
class OrderApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void jsonOrderIsConfirmedAndARepeatFindsTheSameOrder() throws Exception {
        String po = "PO-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"poNumber":"%s","customerNumber":"C-10003","orderDate":"2026-11-20","requestedDeliveryDate":"2026-11-24",
                 "total":49.50,"lines":[{"sku":"OF-1001","quantity":10,"unitPrice":4.95}]}""".formatted(po);
        HttpResponse<String> created = rest.postJson("/api/orders", "integration", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json.readTree(created.body()).get("orderId").asText();

        HttpResponse<String> again = rest.postJson("/api/orders", "integration", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("orderId").asText()).isEqualTo(orderId);

        JsonNode order = awaitStatus(orderId, "CONFIRMED");
        assertThat(order.get("poNumber").asText()).isEqualTo(po);
        assertThat(order.get("reviewRequired").asBoolean()).isFalse();
        assertThat(order.get("lines").get(0).get("reservedQuantity").asInt()).isEqualTo(10);

        JsonNode found = json.readTree(rest.get("/api/orders?poNumber=" + po + "&customerNumber=C-10003", "auditor").body());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void concurrentDuplicatesMakeOneOrder() throws Exception {
        String body = """
                {"poNumber":"PO-CONC-%s","customerNumber":"C-10004","lines":[{"sku":"OF-1002","quantity":1,"unitPrice":11.40}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(pool.submit(() -> rest.postJson("/api/orders", "integration", body)));
        }
        List<String> ids = new ArrayList<>();
        int createdCount = 0;
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            createdCount += response.statusCode() == 201 ? 1 : 0;
            ids.add(json.readTree(response.body()).get("orderId").asText());
        }
        pool.shutdown();
        assertThat(createdCount).isEqualTo(1);
        assertThat(ids).containsOnly(ids.get(0));
    }

    @Test
    void badOrdersAreExplained() throws Exception {
        HttpResponse<String> noLines = rest.postJson("/api/orders", "integration",
                "{\"poNumber\":\"X\",\"customerNumber\":\"C-10001\",\"lines\":[]}");
        assertThat(noLines.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noLines.body()).get("detail").asText()).contains("lines");

        HttpResponse<String> badQuantity = rest.postJson("/api/orders", "integration",
                "{\"poNumber\":\"X\",\"customerNumber\":\"C-10001\",\"lines\":[{\"sku\":\"OF-1001\",\"quantity\":0}]}");
        assertThat(badQuantity.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badQuantity.body()).get("detail").asText()).contains("quantity");

        HttpResponse<String> noCustomer = rest.postJson("/api/orders", "integration",
                "{\"poNumber\":\"X\",\"lines\":[{\"sku\":\"OF-1001\",\"quantity\":1}]}");
        assertThat(noCustomer.statusCode()).isEqualTo(400);

        assertThat(rest.get("/api/orders/nope", "clerk").statusCode()).isEqualTo(404);
        assertThat(rest.postJson("/api/orders", "auditor", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void unknownSkuWaitsInReview() throws Exception {
        HttpResponse<String> created = rest.postJson("/api/orders", "integration", """
                {"poNumber":"PO-R-%s","customerNumber":"C-10005","lines":[{"sku":"ZZ-0000","quantity":1,"unitPrice":1}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        String orderId = json.readTree(created.body()).get("orderId").asText();
        JsonNode order = awaitStatus(orderId, "IN_REVIEW");
        assertThat(order.get("reviewRequired").asBoolean()).isTrue();
        assertThat(order.get("problems").toString()).contains("ZZ-0000");
    }

    @Test
    void spreadsheetWithTwoOrders() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String csv = """
                PO No.;Customer;Item;Description;Qty;Price
                PO-S1-%1$s;C-10006;CL-3010;Surface cleaner;4;3,45
                PO-S1-%1$s;C-10006;CL-3011;Dishwasher tabs;1;17,90
                PO-S2-%1$s;C-10007;BV-5002;Coffee beans;2;15,90
                """.formatted(suffix);
        HttpResponse<String> response = rest.postMultipart("/api/orders", "integration", "orders.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode orders = json.readTree(response.body()).get("orders");
        assertThat(orders).hasSize(2);
        JsonNode first = awaitStatus(orders.get(0).get("orderId").asText(), "CONFIRMED");
        assertThat(first.get("lines")).hasSize(2);
        assertThat(first.get("source").asText()).isEqualTo("SPREADSHEET");
    }

    private JsonNode awaitStatus(String orderId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = json.readTree(rest.get("/api/orders/" + orderId, "clerk").body());
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }
}
