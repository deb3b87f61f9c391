package org.kontor.document.classify;

import java.nio.file.Path;

/**
 * DJL settings that must be in place before the engine starts. PyTorch's natives come from the
 * {@code pytorch-native-*} jar on the classpath and are unpacked once into the cache folder (about 430 MB),
 * so that folder belongs under Kontor's data dir (or {@code target/} in builds), not in the user's home.
 * Offline mode guarantees that DJL never tries to download an engine or a model. Settings given on the
 * command line or in the environment win.
 */
public final class DjlEnvironment {

    private DjlEnvironment() {
    }

    public static synchronized void configure(Path cacheDir) {
        if (cacheDir != null) {
            String dir = cacheDir.toAbsolutePath().normalize().toString();
            setIfAbsent("DJL_CACHE_DIR", dir);
            setIfAbsent("ENGINE_CACHE_DIR", dir);
        }
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
