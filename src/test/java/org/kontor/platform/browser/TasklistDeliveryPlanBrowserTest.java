package org.kontor.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.DeliveryPlanningProcess;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dispatcher in a real browser: logs into Tasklist, opens "Approve delivery plan", sees the map picture of the
 * routes and the stops with their ETAs, approves, and the orders are scheduled.
 */
@KontorIntegrationTest
class TasklistDeliveryPlanBrowserTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Test
    void dispatcherApprovesTheDaysPlanInTasklist() throws Exception {
        RestClientSupport rest = new RestClientSupport(port);
        LocalDate day = LocalDate.now().plusDays(8);
        HttpResponse<String> created = rest.postJson("/api/orders", "integration", """
                {"poNumber":"PO-%s","customerNumber":"C-10002","requestedDeliveryDate":"%s",
                 "lines":[{"sku":"BV-5001","quantity":4}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), day));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json.readTree(created.body()).get("orderId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(status(rest, "/api/orders/" + orderId)));
        HttpResponse<String> requested = rest.postJson("/api/deliveries/plans", "dispatcher", "{\"date\":\"" + day + "\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String planId = json.readTree(requested.body()).get("planId").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(planId)
                .taskDefinitionKey(DeliveryPlanningProcess.USER_TASK_APPROVE).count() == 1);
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(planId)
                .taskDefinitionKey(DeliveryPlanningProcess.USER_TASK_APPROVE).singleResult();

        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            Chromium.logIntoTasklist(browser, wait, "dispatcher", "Dispatcher tasks");
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval.getId());
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']"))).click();
            wait.until(driver -> tasks.createTaskQuery().taskId(approval.getId()).taskAssignee("dispatcher").count() == 1);

            WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img[src*='map.png']")));
            wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", map)));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "orders on"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("ETA");
            Chromium.screenshot(browser, "approve-delivery-plan-opened");

            // the map makes the form long: bring each control into view before clicking it
            click(browser, wait, By.xpath("//label[contains(., 'Approve the plan')]"));
            click(browser, wait, By.xpath("//button[normalize-space()='Complete']"));
            wait.until(driver -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
        } catch (RuntimeException | AssertionError e) {
            Chromium.screenshot(browser, "approve-delivery-plan-failure");
            Files.writeString(Path.of("target", "screenshots", "approve-delivery-plan-failure.html"), browser.getPageSource());
            throw e;
        } finally {
            browser.quit();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> "SCHEDULED".equals(status(rest, "/api/orders/" + orderId)));
        JsonNode plan = json.readTree(rest.get("/api/deliveries/plans/" + planId, "dispatcher").body());
        assertThat(plan.get("status").asText()).isEqualTo("APPROVED");
        assertThat(plan.get("approvedBy").asText()).isEqualTo("dispatcher");
    }

    private static void click(ChromeDriver browser, WebDriverWait wait, By target) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(target));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private String status(RestClientSupport rest, String path) throws Exception {
        return json.readTree(rest.get(path, "dispatcher").body()).path("status").asText();
    }
}
