package org.spotcheck.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the relay every {@code spotcheck.outbox.poll-millis} on a thread of its own. Not on
 * Spring's {@code @Scheduled} thread (one, shared): there the waiting-case releaser and the
 * relay would hold each other up, a relay waiting out a Kafka timeout delaying releases and
 * a long release round delaying every event. A bean of its own would not do either: a
 * TaskScheduler bean replaces Spring Boot's, and every {@code @Scheduled} method would run
 * on it.
 */
@Component
class OutboxRelaySchedule implements SmartLifecycle {

    static final String THREAD = "outbox-relay";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelaySchedule.class);

    private final OutboxRelay relay;
    private final long pollMillis;
    private volatile ScheduledExecutorService executor;

    OutboxRelaySchedule(OutboxRelay relay, @Value("${spotcheck.outbox.poll-millis:500}") long pollMillis) {
        this.relay = relay;
        this.pollMillis = pollMillis;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::relay, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void relay() {
        try {
            relay.relay();
        } catch (RuntimeException e) {
            // a failed run (database away) must not end the schedule: the next one tries again
            log.error("Outbox relay run failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(20, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
