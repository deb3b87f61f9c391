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
class MariaDbPlatformTest {

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
