package org.kontor.platform.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code kontor.*} namespace. Everything a running node keeps on disk lives under
 * {@link #dataDir()}, so backing up or moving a node is copying one folder.
 */
@ConfigurationProperties("kontor")
public record KontorProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Security security,
        @DefaultValue Uploads uploads) {

    public record Security(
            /* Password for the initial 'admin' user outside the demo profile; empty means none is created. */
            @DefaultValue("") String initialAdminPassword) {
    }

    public record Uploads(
            /* Largest file accepted by /api uploads (master data, documents, counts). */
            @DefaultValue("50MB") DataSize maxFileSize,
            /* Largest request body accepted by /engine-rest (deployments from the Modeler). */
            @DefaultValue("20MB") DataSize engineRestMaxRequestSize) {
    }
}
