package org.kontor.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@KontorIntegrationTest
class InventoryApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void demoStockIsThere() throws Exception {
        HttpResponse<String> response = rest.get("/api/inventory/OF-1001", "clerk");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode level = json.readTree(response.body());
        assertThat(level.get("sku").asText()).isEqualTo("OF-1001");
        assertThat(level.get("onHand").asInt()).isPositive();
        assertThat(level.get("available").asInt()).isEqualTo(level.get("onHand").asInt() - level.get("reserved").asInt());
        assertThat(level.get("reorderPoint").asInt()).isEqualTo(40);
    }

    @Test
    void receiptRaisesStockAndIsRecordedAsAMovement() throws Exception {
        int before = inventory.level("PK-2010").onHand();
        HttpResponse<String> response = rest.postJson("/api/inventory/receipts", "clerk",
                "{\"sku\":\"PK-2010\",\"quantity\":25,\"reference\":\"GR-4711\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("onHand").asInt()).isEqualTo(before + 25);

        JsonNode movements = json.readTree(rest.get("/api/inventory/PK-2010/movements", "auditor").body());
        JsonNode latest = movements.get(0);
        assertThat(latest.get("movementType").asText()).isEqualTo("RECEIPT");
        assertThat(latest.get("quantity").asInt()).isEqualTo(25);
        assertThat(latest.get("actor").asText()).isEqualTo("clerk");
        assertThat(latest.get("reference").asText()).isEqualTo("GR-4711");
    }

    @Test
    void badReceiptsAreExplained() throws Exception {
        HttpResponse<String> negative = rest.postJson("/api/inventory/receipts", "clerk", "{\"sku\":\"PK-2010\",\"quantity\":-3}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json.readTree(negative.body()).get("detail").asText()).contains("quantity");

        HttpResponse<String> unknown = rest.postJson("/api/inventory/receipts", "clerk", "{\"sku\":\"NOPE-1\",\"quantity\":3}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("NOPE-1");

        HttpResponse<String> garbage = rest.postJson("/api/inventory/receipts", "clerk", "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(rest.get("/api/inventory/NOPE-1", "clerk").statusCode()).isEqualTo(404);
    }

    @Test
    void adjustmentsNeverDropBelowReserved() {
        int onHand = inventory.level("CL-3010").onHand();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> inventory.adjust("CL-3010", -(onHand + 1), "damaged", "test", "supervisor"))
                .hasMessageContaining("less on hand than is reserved");
        assertThat(inventory.level("CL-3010").onHand()).isEqualTo(onHand);
    }
}
