package org.spotcheck.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Computes every {@link CachedMetrics} bean's gauges as the application starts and then every
 * {@code spotcheck.metrics.refresh} (30 s), on a daemon thread of its own, so that
 * Prometheus scrapes, however many and however often, never reach the database or the
 * engine. Each source is timed ({@value #TIMER}, tag {@code source}); a source that fails
 * keeps its last values, logs a warning and counts in {@value #FAILURES}.
 */
@Component
public class MetricsRefresher implements SmartLifecycle {

    static final String TIMER = "spotcheck.metrics.refresh";
    static final String FAILURES = "spotcheck.metrics.refresh.failures";
    private static final Logger log = LoggerFactory.getLogger(MetricsRefresher.class);

    private final List<CachedMetrics> sources;
    private final MeterRegistry meters;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    MetricsRefresher(List<CachedMetrics> sources, MeterRegistry meters,
                     @Value("${spotcheck.metrics.refresh:30s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("spotcheck.metrics.refresh must be positive, not " + interval);
        }
        this.sources = sources;
        this.meters = meters;
        this.interval = interval;
        for (CachedMetrics source : sources) {
            timer(source);
            meters.counter(FAILURES, "source", source.source());
        }
    }

    /** Computes every source's values now (the schedule does; tests may too). One refresh at a time. */
    public synchronized void refreshNow() {
        for (CachedMetrics source : sources) {
            try {
                timer(source).record(source::refresh);
            } catch (RuntimeException e) {
                // the database or engine away: the last values stay, the next round tries again
                meters.counter(FAILURES, "source", source.source()).increment();
                log.warn("Metrics of {} not refreshed: {}", source.source(), e.toString());
            }
        }
    }

    private Timer timer(CachedMetrics source) {
        return Timer.builder(TIMER).description("Time to compute a source's cached gauges (the count is refreshes)")
                .tag("source", source.source()).register(meters);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        // the first values before the first scrape can come; then on the schedule only
        refreshNow();
        executor.scheduleWithFixedDelay(this::refreshNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
