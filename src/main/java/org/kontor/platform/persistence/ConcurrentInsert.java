package org.kontor.platform.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * After an insert lost to a concurrent one on a unique key, the winner's row may not be committed yet
 * (READ COMMITTED): look it up again for a short while instead of failing the request.
 */
public final class ConcurrentInsert {

    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final int LOOKUPS = 40;

    private ConcurrentInsert() {
    }

    public static <T> T awaitWinner(Supplier<Optional<T>> lookup, String what) {
        for (int i = 0; i < LOOKUPS; i++) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(what + " exists but could not be read within "
                + PAUSE.multipliedBy(LOOKUPS).toMillis() + " ms");
    }
}
