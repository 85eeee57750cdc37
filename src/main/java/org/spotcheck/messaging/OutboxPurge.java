package org.spotcheck.messaging;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifecycle of {@code outbox_event}: an event is kept until it is sent and then for
 * {@code spotcheck.outbox.sent-retention} (7 days) after it occurred, for replays and
 * audits; then this removes it, in batches of primary-key ranges, so no run is a delete
 * storm. Unsent and parked events are never removed here: parked ones wait for an
 * operator (docs/integration.md, Events). Nodes may run it side by side: a row deleted twice is
 * deleted once.
 */
@Component
class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);
    static final int BATCH = 10_000;
    /** At most this many batches a run; the rest waits for the next run. */
    static final int MAX_BATCHES = 100;

    private final OutboxRows rows;
    private final Clock clock;
    private final Duration retention;

    OutboxPurge(OutboxRows rows, Clock clock, @Value("${spotcheck.outbox.sent-retention}") Duration retention) {
        this.rows = rows;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${spotcheck.outbox.purge-cron}")
    void scheduled() {
        purge();
    }

    /** @return how many sent events were removed */
    int purge() {
        long bound = rows.firstSeqSince(clock.instant().minus(retention));
        int removed = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = rows.deleteSentBefore(bound, BATCH);
            removed += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (removed > 0) {
            log.info("Removed {} outbox events sent and older than {}", removed, retention);
        }
        return removed;
    }
}
