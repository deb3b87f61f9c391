package org.kontor.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The watched inbox folder ({@code kontor.data-dir/inbox}): drop a file in, and it is taken in. */
@ConfigurationProperties("kontor.inbox")
public record InboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration pollInterval,
        /* A file must be unchanged this long before it is taken: it may still be being copied. */
        @DefaultValue("1s") Duration settleTime) {
}
