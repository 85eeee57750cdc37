package org.spotcheck.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A gauge's value as last computed by a {@link CachedMetrics#refresh()}: reading it (a scrape)
 * costs nothing. Not a number until the first refresh, which runs as the application starts.
 */
public final class CachedValue {

    private volatile double value = Double.NaN;

    private CachedValue() {
    }

    /**
     * Registers a gauge that reports this value.
     *
     * @param baseUnit the unit Prometheus appends to the name ({@code seconds}), or null
     * @param tags     key, value, key, value, ...
     */
    public static CachedValue gauge(MeterRegistry meters, String name, String description, String baseUnit,
                                    String... tags) {
        CachedValue cached = new CachedValue();
        Gauge.builder(name, cached, CachedValue::get).description(description).baseUnit(baseUnit).tags(tags)
                .strongReference(true).register(meters);
        return cached;
    }

    public void set(double newValue) {
        value = newValue;
    }

    public double get() {
        return value;
    }
}
