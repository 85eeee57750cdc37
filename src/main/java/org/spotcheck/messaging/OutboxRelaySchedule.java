package org.spotcheck.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the outbox relay every {@code spotcheck.outbox.poll-millis} on a thread of its own ({@link PollingThread}). */
@Component
class OutboxRelaySchedule implements SmartLifecycle {

    static final String THREAD = "outbox-relay";

    private final PollingThread thread;

    OutboxRelaySchedule(OutboxRelay relay, @Value("${spotcheck.outbox.poll-millis:500}") long pollMillis) {
        this.thread = new PollingThread(THREAD, relay::relay, pollMillis);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
