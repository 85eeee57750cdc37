package org.spotcheck.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a relay every so often on a daemon thread of its own. Not on Spring's
 * {@code @Scheduled} thread (one, shared): there the waiting-case releaser and a relay would
 * hold each other up, a relay waiting out a Kafka timeout delaying releases and a long
 * release round delaying every event. A TaskScheduler bean would not do either: it replaces
 * Spring Boot's, and every {@code @Scheduled} method would run on it. A bean that extends it
 * starts and stops with the application context.
 */
public class PollingThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingThread.class);

    private final String name;
    private final Runnable work;
    private final long pollMillis;
    private volatile ScheduledExecutorService executor;

    public PollingThread(String name, Runnable work, long pollMillis) {
        this.name = name;
        this.work = work;
        this.pollMillis = pollMillis;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            // a failed run (database or broker away) must not end the schedule: the next one tries again
            log.error("{} run failed", name, e);
        }
    }

    /** Lets a run under way finish (20 s at most). */
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
