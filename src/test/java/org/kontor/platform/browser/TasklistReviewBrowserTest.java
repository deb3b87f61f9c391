package org.kontor.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.intake.DocumentIntakeProcess;
import org.kontor.intake.OrderIntakeProcess;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk in a real browser: logs into Tasklist, opens "Review order" for a scanned purchase order whose
 * lines do not add up to its total, sees the page image, corrects a quantity, completes the task, and
 * the order is confirmed.
 */
@KontorIntegrationTest
class TasklistReviewBrowserTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Test
    void clerkCorrectsAQuantityInTasklistAndTheOrderIsConfirmed() throws Exception {
        RestClientSupport rest = new RestClientSupport(port);
        // digits 1-9 only: OCR reads them reliably (an O or a 0 may come back as the other)
        String po = "PO-" + ThreadLocalRandom.current().ints(6, 1, 10).mapToObj(Integer::toString)
                .collect(Collectors.joining());
        HttpResponse<String> upload = rest.postMultipart("/api/documents", "integration", "scan.png", scan(po));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String documentId = json.readTree(upload.body()).get("documentId").asText();

        String[] orderId = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            // should the classifier be unsure of this scan, a clerk says what it is (not what this test is about)
            tasks.createTaskQuery().processInstanceBusinessKey(documentId)
                    .taskDefinitionKey(DocumentIntakeProcess.USER_TASK_CLASSIFY).list()
                    .forEach(t -> tasks.complete(t.getId(), Map.of(DocumentIntakeProcess.Vars.CLERK_DOCUMENT_TYPE,
                            "PURCHASE_ORDER")));
            JsonNode document = json.readTree(rest.get("/api/documents/" + documentId, "clerk").body());
            orderId[0] = document.path("orderId").asText(null);
            return orderId[0] != null && tasks.createTaskQuery().processInstanceBusinessKey(orderId[0])
                    .taskDefinitionKey(OrderIntakeProcess.USER_TASK_REVIEW).count() == 1;
        });
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(orderId[0])
                .taskDefinitionKey(OrderIntakeProcess.USER_TASK_REVIEW).singleResult();

        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            Chromium.logIntoTasklist(browser, wait, "clerk", "Clerk tasks");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[contains(@href, 'task=" + review.getId() + "')] | //*[contains(@class, 'task')]//h4[normalize-space()='Review order']")))
                    .click();

            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']"))).click();
            wait.until(driver -> tasks.createTaskQuery().taskId(review.getId()).taskAssignee("clerk").count() == 1);

            WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img[src*='preview.png']")));
            wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", page)));
            Chromium.screenshot(browser, "review-order-opened");

            // the line table: one line per order line, SKU | quantity | unit price | description
            WebElement lines = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//label[starts-with(normalize-space(), 'Lines')]/following::textarea[1]")));
            List<String> rows = lines.getAttribute("value").lines().toList();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).isEqualTo("OF-1001 | 10 | 4.95 | Copy paper A4");
            String corrected = String.join("\n", rows.get(0).replace("| 10 |", "| 12 |"), rows.get(1));
            lines.sendKeys(Keys.chord(Keys.CONTROL, "a"), corrected, Keys.TAB);
            assertThat(lines.getAttribute("value")).isEqualTo(corrected);

            browser.findElement(By.xpath("//label[contains(., 'The order is correct as shown')]")).click();

            browser.findElement(By.xpath("//label[starts-with(normalize-space(), 'Note')]/following::textarea[1]"))
                    .sendKeys("First line: 12 packs, as the total says", Keys.TAB);
            Chromium.screenshot(browser, "review-order-corrected");
            // Tasklist enables Complete while form-js reports no errors for the form
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']"))).click();
            wait.until(driver -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
        } catch (RuntimeException | AssertionError e) {
            Chromium.screenshot(browser, "review-order-failure");
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots", "review-order-failure.html"),
                    browser.getPageSource());
            throw e;
        } finally {
            browser.quit();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "CONFIRMED".equals(json.readTree(rest.get("/api/orders/" + orderId[0], "clerk").body()).path("status").asText()));
        JsonNode order = json.readTree(rest.get("/api/orders/" + orderId[0], "clerk").body());
        assertThat(order.get("reviewedBy").asText()).isEqualTo("clerk");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(12);
        assertThat(order.get("poNumber").asText()).isEqualTo(po);
    }

    /** A scanned purchase order whose first line says 10 where the total implies 12. */
    private static byte[] scan(String po) throws Exception {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 80));
        g.drawString("PURCHASE ORDER", 200, 300);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 48));
        String[] header = {"PO Number: " + po, "Customer No: C-10001", "Order Date: 2026-11-20",
                "Requested Delivery: 2026-11-27", "Deliver to: Moenckebergstrasse 7, Hamburg"};
        int y = 480;
        for (String line : header) {
            g.drawString(line, 200, y);
            y += 75;
        }
        y += 100;
        int[] cols = {200, 600, 1450, 1750, 2050};
        String[] titles = {"SKU", "Description", "Qty", "Price", "Amount"};
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        for (int i = 0; i < cols.length; i++) {
            g.drawString(titles[i], cols[i], y);
        }
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 48));
        String[][] rows = {{"OF-1001", "Copy paper A4", "10", "4.95", "49.50"}, {"PK-2010", "Packing tape", "5", "8.40", "42.00"}};
        for (String[] row : rows) {
            y += 80;
            for (int i = 0; i < cols.length; i++) {
                g.drawString(row[i], cols[i], y);
            }
        }
        y += 140;
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        g.drawString("Total: 101.40", 1600, y);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
