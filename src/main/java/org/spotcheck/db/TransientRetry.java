package org.spotcheck.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a unit of work (its own transaction) again when it fails transiently, a bounded
 * number of times with a short, jittered pause: a caller waiting on REST gets its answer
 * instead of a 500 for a deadlock the database resolved by aborting it. Kafka needs none
 * of this: its container retries the message.
 */
@Component
public class TransientRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

    private final int attempts;
    private final long pauseMillis;

    TransientRetry(@Value("${spotcheck.db.transient-attempts:3}") int attempts,
                   @Value("${spotcheck.db.transient-pause-millis:50}") long pauseMillis) {
        this.attempts = Math.max(1, attempts);
        this.pauseMillis = pauseMillis;
    }

    /** @throws RuntimeException the last failure, when it is not transient or the attempts are used up */
    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                log.info("Transient failure, attempt {} of {}: {}", attempt, attempts, e.toString());
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        try {
            // jittered, so two requests that deadlocked each other do not meet again
            Thread.sleep(pauseMillis * attempt + ThreadLocalRandom.current().nextLong(pauseMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
