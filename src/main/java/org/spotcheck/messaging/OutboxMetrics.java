package org.spotcheck.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.spotcheck.metrics.CachedMetrics;
import org.spotcheck.metrics.CachedValue;
import org.springframework.stereotype.Component;

/**
 * The outbox as gauges, cached between refreshes: events waiting for the relay, how late the
 * oldest of them is, and the rows parked for good (each read through a partial index of its
 * own). Every node reports the same table: a dashboard takes the maximum over nodes.
 */
@Component
class OutboxMetrics implements CachedMetrics {

    private final OutboxRows rows;
    private final Clock clock;
    private final CachedValue unsent;
    private final CachedValue lag;
    private final CachedValue parked;

    OutboxMetrics(OutboxRows rows, Clock clock, MeterRegistry meters) {
        this.rows = rows;
        this.clock = clock;
        unsent = CachedValue.gauge(meters, "spotcheck.outbox.unsent",
                "Outbox events not yet sent to Kafka (parked ones not included)", null);
        lag = CachedValue.gauge(meters, "spotcheck.outbox.lag",
                "Age of the oldest outbox event not yet sent (0 when none waits)", "seconds");
        parked = CachedValue.gauge(meters, "spotcheck.outbox.parked.rows",
                "Outbox events parked after failing for a reason of their own: they need an operator", null);
    }

    @Override
    public String source() {
        return "outbox";
    }

    @Override
    public void refresh() {
        OutboxRows.Backlog backlog = rows.backlog();
        unsent.set(backlog.unsent());
        lag.set(backlog.oldestUnsent() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestUnsent(), clock.instant()).toMillis() / 1000.0));
        parked.set(backlog.parked());
    }
}
