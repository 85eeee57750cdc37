package org.spotcheck.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs the outbox relay every {@code spotcheck.outbox.poll-millis} on a thread of its own ({@link PollingThread}). */
@Component
class OutboxRelaySchedule extends PollingThread {

    static final String THREAD = "outbox-relay";

    OutboxRelaySchedule(OutboxRelay relay, @Value("${spotcheck.outbox.poll-millis:500}") long pollMillis) {
        super(THREAD, relay::relay, pollMillis);
    }
}
