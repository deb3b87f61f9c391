package org.kontor.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A plain HTTP client for tests that go through the real server (Spring MVC, Jersey for /engine-rest and
 * the Camunda webapps alike), with Basic credentials and multipart bodies built by hand.
 */
public final class RestClientSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public RestClientSupport(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public HttpResponse<String> postJson(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    public HttpResponse<String> postMultipart(String path, String user, String fileName, byte[] content,
            String... extraFields) {
        String boundary = "kontor-" + UUID.randomUUID();
        byte[] body = multipart(boundary, fileName, content, extraFields);
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            String credentials = user + ":demo";
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
        }
    }

    /** Fields come as name/value pairs after the file. */
    static byte[] multipart(String boundary, String fileName, byte[] content, String... fields) {
        var out = new java.io.ByteArrayOutputStream();
        String crlf = "\r\n";
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.writeBytes(("--" + boundary + crlf + "Content-Disposition: form-data; name=\"" + fields[i] + "\"" + crlf
                    + crlf + fields[i + 1] + crlf).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + crlf + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"" + crlf + "Content-Type: application/octet-stream" + crlf + crlf).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes((crlf + "--" + boundary + "--" + crlf).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
