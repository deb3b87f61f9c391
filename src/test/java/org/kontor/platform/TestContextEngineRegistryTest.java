package org.kontor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The server's /engine-rest keeps working on the server's own engine, with Camunda's authorizations,
 * once the process-test context has started in the same JVM as well. Camunda's REST API and webapps
 * find their engine by name in a static registry; when the process-test context used the same name and
 * started second (the test order of a full build decides that), the server's REST answered from the
 * other context's database, unauthenticated: a clerk could deploy, the auditor saw no history, a task
 * the server had created was "null".
 */
@KontorIntegrationTest
class TestContextEngineRegistryTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Test
    void engineRestServesTheServersEngineAfterTheProcessTestContextStarted() throws Exception {
        // the cached process-test context if a process test has already run, otherwise it starts now: after this one
        ApplicationContext processTests = new TestContextManager(ProcessTestContext.class).getTestContext()
                .getApplicationContext();
        assertThat(processTests.getBean(ProcessEngine.class)).isNotSameAs(engine);

        RestClientSupport rest = new RestClientSupport(port);
        assertThat(deploy(rest, "clerk", "registry-clerk").statusCode()).isEqualTo(403);
        HttpResponse<String> byDesigner = deploy(rest, "designer", "registry-designer");
        assertThat(byDesigner.statusCode()).as(byDesigner.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("registry-designer").count())
                .as("the deployment made through the server's /engine-rest is in the server's engine").isEqualTo(1);
    }

    private static HttpResponse<String> deploy(RestClientSupport rest, String user, String key) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Check").endEvent().done());
        return rest.postMultipart("/engine-rest/deployment/create", user, key + ".bpmn",
                bpmn.getBytes(StandardCharsets.UTF_8), "deployment-name", key);
    }

    /** Carries the process tests' configuration, so that Spring's context cache hands out their context. */
    @ProcessTest
    static class ProcessTestContext {
    }
}
