package org.spotcheck.metrics;

/**
 * Gauges whose values cost a query (the database, the engine): a capability registers them
 * over {@link CachedValue}s and computes them in {@link #refresh()}, which only the
 * {@link MetricsRefresher} calls, every {@code spotcheck.metrics.refresh}. A scrape of
 * {@code /actuator/prometheus} reads the values last computed and runs no query.
 */
public interface CachedMetrics {

    /** Names these gauges in the refresher's own metrics ({@code source} tag) and its log. */
    String source();

    /** Computes every value again and stores it; on the refresher's thread, never during a scrape. */
    void refresh();
}
