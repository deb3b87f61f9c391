package org.kontor.platform.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kontor.inventory.InventoryService;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform on the mysql profile against the local MariaDB: Flyway schema, Camunda schema, demo data,
 * a process run end to end by the job executor, REST, and stock that stays right under concurrency.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kontor.data-dir=target/test-data/mariadb",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles({"mysql", "demo"})
@DirtiesContext
class MariaDbPlatformIsolatedTest {

    static final String SMOKE_PROCESS = "platform-smoke";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("KONTOR_DB_NAME", MariaDb::database);
        registry.add("KONTOR_DB_USER", () -> "root");
        registry.add("KONTOR_DB_PASSWORD", () -> "");
    }

    @TestConfiguration
    static class SmokeRobot {
        /** A robot step that writes to the domain tables, as the real robots do. */
        @Bean
        JavaDelegate platformSmokeDelegate(InventoryService inventory) {
            return execution -> {
                var level = inventory.receive("OF-1001", 1, execution.getProcessBusinessKey(), "robot");
                execution.setVariable("available", level.available());
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    InventoryService inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderService orders;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void runsOnMariaDbWithFlywayAndDemoData() {
        String version = jdbc.sql("SELECT VERSION()").query(String.class).single();
        assertThat(version).containsIgnoringCase("mariadb");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single()).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single()).isGreaterThanOrEqualTo(15);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vehicle").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT success FROM kontor_schema_history WHERE version = '1'").query(Boolean.class).single())
                .isTrue();
        String isolation = jdbc.sql("SELECT @@tx_isolation").query(String.class).single();
        assertThat(isolation).isEqualTo("READ-COMMITTED");
    }

    @Test
    void processRunsEndToEndThroughJobExecutorAndRest() throws Exception {
        RepositoryService repository = engine.getRepositoryService();
        repository.createDeployment().name(SMOKE_PROCESS).addModelInstance(SMOKE_PROCESS + ".bpmn", smokeProcess()).deploy();
        int before = inventory.level("OF-1001").onHand();

        RuntimeService runtime = engine.getRuntimeService();
        ProcessInstance instance = runtime.startProcessInstanceByKey(SMOKE_PROCESS, "SMOKE-1");

        TaskService tasks = engine.getTaskService();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                tasks.createTaskQuery().processInstanceId(instance.getId()).count() == 1);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(inventory.level("OF-1001").onHand()).isEqualTo(before + 1);

        // a clerk completes the task through /engine-rest, under Camunda's authorizations
        HttpResponse<String> completed = rest.postJson("/engine-rest/task/" + task.getId() + "/complete", "clerk",
                "{\"variables\":{\"checked\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isIn(200, 204);

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getState()).isEqualTo("COMPLETED");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getAssignee()).isNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("available").singleResult().getValue()).isNotNull();
    }

    @Test
    void concurrentReceiptsLoseNothing() throws Exception {
        int before = inventory.level("PK-2001").onHand();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> inventory.receive("PK-2001", 3, "concurrent", "test")));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(inventory.level("PK-2001").onHand()).isEqualTo(before + 120);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = 'PK-2001' AND reference = 'concurrent'")
                .query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void hundredConcurrentOrdersOnOneSkuNeverOverReserve() throws Exception {
        String sku = "WH-4020";
        int available = inventory.level(sku).available();
        int reservedBefore = inventory.level(sku).reserved();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orderIds.add(orders.receive(new OrderDraft("C-10001", null, "PO-MDB-" + i, null, null, null, null,
                    List.of(new OrderDraft.Line(sku, null, 2, new java.math.BigDecimal("2.60")))),
                    OrderSource.JSON, null, "test").orderId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String orderId : orderIds) {
                results.add(pool.submit(() -> orders.reserveStock(orderId)));
            }
            for (Future<Boolean> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        var level = inventory.level(sku);
        int reservedByOrders = orderIds.stream().mapToInt(id -> orders.get(id).lines().get(0).reservedQuantity()).sum();
        assertThat(level.reserved() - reservedBefore).isEqualTo(reservedByOrders);
        assertThat(reservedByOrders).isEqualTo(Math.min(available, 200));
        assertThat(level.reserved()).isLessThanOrEqualTo(level.onHand());
        long confirmed = orderIds.stream().filter(id -> orders.get(id).status() == OrderStatus.CONFIRMED).count();
        assertThat(confirmed).isEqualTo(Math.min(available, 200) / 2);
    }

    @Test
    void concurrentDuplicateOrdersMakeOne() throws Exception {
        OrderDraft draft = new OrderDraft("C-10002", null, "PO-DUP-MDB", null, null, null, null,
                List.of(new OrderDraft.Line("OF-1001", null, 1, new java.math.BigDecimal("4.95"))));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(pool.submit(() -> orders.receive(draft, OrderSource.JSON, null, "test").orderId()));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void restApiOnMariaDb() throws Exception {
        HttpResponse<String> response = rest.get("/api/inventory/OF-1002", "integration");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).get("reorderPoint").asInt()).isEqualTo(20);
        assertThat(rest.get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    }

    private static BpmnModelInstance smokeProcess() {
        return Bpmn.createExecutableProcess(SMOKE_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start_Smoke")
                .serviceTask("Task_SmokeRobot").camundaDelegateExpression("${platformSmokeDelegate}")
                .camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1S")
                .userTask("Task_Check").camundaCandidateGroups("clerks")
                .endEvent("End_Smoke").done();
    }
}
