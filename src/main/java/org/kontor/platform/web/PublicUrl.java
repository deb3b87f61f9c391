package org.kontor.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How people's browsers reach Kontor ({@code kontor.public-url}): Camunda Forms show images from absolute http(s)
 * URLs only, so links and pictures in Tasklist forms are built here.
 */
@Component
public class PublicUrl {

    private final Environment environment;

    PublicUrl(Environment environment) {
        this.environment = environment;
    }

    /** {@code path} (starting with a slash) under the public URL. Read on use: the port is known once the server runs. */
    public String of(String path) {
        String url = environment.getProperty("kontor.public-url", "http://localhost:8080");
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + path;
    }
}
