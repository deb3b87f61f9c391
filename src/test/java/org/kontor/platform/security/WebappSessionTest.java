package org.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People log into the Camunda webapps; their session then also opens safe /api links, and nothing more. */
@KontorIntegrationTest
class WebappSessionTest {

    @LocalServerPort
    int port;

    @Test
    void clerkSessionReadsApiButCannotChangeAnything() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("clerk", "tasklist")).isEqualTo(200);

        assertThat(browser.get("/api/inventory/OF-1001").statusCode()).isEqualTo(200);
        HttpResponse<String> post = browser.send(HttpRequest.newBuilder(uri("/api/inventory/receipts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"OF-1001\",\"quantity\":1}")).build());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void followingAnApiLinkLeavesTheWebappSessionAlone() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("clerk", "tasklist")).isEqualTo(200);
        String session = browser.cookie("JSESSIONID");

        // a Review order form shows the page image from /api while Tasklist sends its own requests
        HttpResponse<String> api = browser.get("/api/inventory/OF-1001");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(browser.cookie("JSESSIONID")).isEqualTo(session);

        // a Tasklist request sent with the session id it had before the image loaded is still logged in
        HttpResponse<String> tasklist = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/user/clerk/profile"))
                        .header("Cookie", "JSESSIONID=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
    }

    @Test
    void clerkSeesNothingOfCockpitButAuditorDoes() throws Exception {
        assertThat(new Browser().login("clerk", "cockpit")).isEqualTo(403);
        assertThat(new Browser().login("auditor", "cockpit")).isEqualTo(200);
        assertThat(new Browser().login("auditor", "tasklist")).isEqualTo(403);
        assertThat(new Browser().login("admin", "admin")).isEqualTo(200);
    }

    @Test
    void tasklistIsServedAtTheRoot() throws Exception {
        HttpResponse<String> root = new Browser().get("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).containsIgnoringCase("camunda");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Cookies and Camunda's CSRF header, as the webapp's JavaScript handles them. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        int login(String user, String app) throws Exception {
            get("/camunda/app/" + app + "/default/");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            uri("/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            return response.statusCode();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }
    }
}
