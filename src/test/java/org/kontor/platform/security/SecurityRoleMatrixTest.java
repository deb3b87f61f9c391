package org.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SPEC §6 through the real server: who may call what on /engine-rest, /api and the webapps. */
@KontorIntegrationTest
class SecurityRoleMatrixTest {

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void withoutCredentialsEverythingButHealthIs401() {
        assertThat(rest.get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
        assertThat(rest.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
        HttpResponse<String> api = rest.get("/api/inventory/OF-1001", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(rest.get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(rest.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIs401() {
        var request = rest.request("/engine-rest/engine", null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("integration:wrong".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        assertThat(rest.send(request).statusCode()).isEqualTo(401);
        // Camunda delays the next logins of a user after a wrong password (brute-force protection); the tests that
        // run after this one in the same server must not find 'integration' locked
        identity.unlockUser("integration");
    }

    @Test
    void integrationReachesTheEngine() {
        HttpResponse<String> response = rest.get("/engine-rest/engine", "integration");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("default");
    }

    @Test
    void clerkMayNotDeployButDesignerMay() {
        assertThat(deploy("clerk", "clerk-process").statusCode()).isEqualTo(403);
        HttpResponse<String> byDesigner = deploy("designer", "designer-process");
        assertThat(byDesigner.statusCode()).as(byDesigner.body()).isEqualTo(200);
    }

    @Test
    void noIdentityCarriesOverToTheNextRequest() {
        // Tomcat hands requests to a small set of reused threads: a user left on a thread would show here
        for (int round = 0; round < 12; round++) {
            HttpResponse<String> byDesigner = rest.postMultipart("/engine-rest/deployment/create", "designer",
                    "carry-over.bpmn", Bpmn.convertToString(userTaskProcess("carry-over")).getBytes(StandardCharsets.UTF_8),
                    "deployment-name", "carry-over", "enable-duplicate-filtering", "true");
            assertThat(byDesigner.statusCode()).as(byDesigner.body()).isEqualTo(200);
            assertThat(deploy("clerk", "carry-over-by-clerk").statusCode()).as("round %d", round).isEqualTo(403);
            assertThat(rest.get("/engine-rest/deployment", null).statusCode()).isEqualTo(401);
            assertThat(rest.get("/api/inventory/OF-1001", null).statusCode()).isEqualTo(401);
            assertThat(rest.postJson("/api/inventory/receipts", "auditor", "{\"sku\":\"OF-1001\",\"quantity\":1}")
                    .statusCode()).isEqualTo(403);
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("carry-over-by-clerk").count()).isZero();
    }

    @Test
    void auditorReadsHistoryButChangesNothing() {
        String definitionId = repository.createDeployment().name("audited")
                .addModelInstance("audited.bpmn", userTaskProcess("audited-process")).deployWithResult()
                .getDeployedProcessDefinitions().get(0).getId();
        String instanceId = runtime.startProcessInstanceById(definitionId, "audit-1").getId();

        HttpResponse<String> history = rest.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId,
                "auditor");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(instanceId);
        assertThat(rest.get("/engine-rest/process-instance/" + instanceId, "auditor").statusCode()).isEqualTo(200);

        assertThat(rest.delete("/engine-rest/process-instance/" + instanceId, "auditor").statusCode()).isEqualTo(403);
        assertThat(rest.postJson("/engine-rest/process-instance/" + instanceId + "/variables", "auditor",
                "{\"modifications\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}").statusCode()).isEqualTo(403);
        assertThat(deploy("auditor", "auditor-process").statusCode()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
    }

    @Test
    void auditorOnlyReadsTheApi() {
        assertThat(rest.get("/api/inventory/OF-1001", "auditor").statusCode()).isEqualTo(200);
        assertThat(rest.postJson("/api/inventory/receipts", "auditor", "{\"sku\":\"OF-1001\",\"quantity\":1}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void deploymentsWithScriptsOrDoctypeAreRefused() {
        String script = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="evil" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
                    <scriptTask id="t1" scriptFormat="groovy"><script>System.exit(1)</script></scriptTask>
                    <sequenceFlow id="f2" sourceRef="t1" targetRef="e"/><endEvent id="e"/>
                  </process>
                </definitions>""";
        HttpResponse<String> scripted = rest.postMultipart("/engine-rest/deployment/create", "designer", "evil.bpmn",
                script.getBytes(StandardCharsets.UTF_8), "deployment-name", "evil");
        assertThat(scripted.statusCode()).isEqualTo(400);
        assertThat(scripted.body()).contains("script task");

        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\"/>";
        HttpResponse<String> withDoctype = rest.postMultipart("/engine-rest/deployment/create", "designer", "dtd.bpmn",
                doctype.getBytes(StandardCharsets.UTF_8), "deployment-name", "dtd");
        assertThat(withDoctype.statusCode()).isEqualTo(400);
        assertThat(withDoctype.body()).contains("DOCTYPE");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
    }

    @Test
    void engineRestUploadsAreSizeLimited() {
        byte[] big = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = rest.postMultipart("/engine-rest/deployment/create", "designer", "big.bpmn", big,
                "deployment-name", "big");
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void adminSetupPageIsClosed() {
        HttpResponse<String> response = rest.postJson("/camunda/api/admin/setup/default/user/create", null,
                "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> deploy(String user, String processKey) {
        byte[] bpmn = Bpmn.convertToString(userTaskProcess(processKey)).getBytes(StandardCharsets.UTF_8);
        return rest.postMultipart("/engine-rest/deployment/create", user, processKey + ".bpmn", bpmn,
                "deployment-name", processKey);
    }

    static BpmnModelInstance userTaskProcess(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Review").camundaCandidateGroups("clerks").endEvent().done();
    }
}
