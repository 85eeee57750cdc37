package org.spotcheck.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache between the gauges and their queries: read freely, filled only by a refresh. */
class MetricsRefresherTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A source counting its refreshes, failing when told to. */
    private final class Source implements CachedMetrics {
        final CachedValue value = CachedValue.gauge(meters, "test.value", "a test value", null, "kind", "test");
        int queries;
        boolean fail;

        @Override
        public String source() {
            return "test";
        }

        @Override
        public void refresh() {
            queries++;
            if (fail) {
                throw new IllegalStateException("database away");
            }
            value.set(queries * 10);
        }
    }

    @Test
    void readingAGaugeRunsNoQueryARefreshDoesAndAFailedOneKeepsTheLastValues() {
        Source source = new Source();
        MetricsRefresher refresher = new MetricsRefresher(List.of(source), meters, Duration.ofHours(1));
        assertThat(meters.get("test.value").gauge().value()).as("before the first refresh").isNaN();

        refresher.refreshNow();
        for (int read = 0; read < 5; read++) {
            assertThat(meters.get("test.value").tag("kind", "test").gauge().value()).isEqualTo(10);
        }
        assertThat(source.queries).isEqualTo(1);
        assertThat(meters.get(MetricsRefresher.TIMER).tag("source", "test").timer().count()).isEqualTo(1);

        source.fail = true;
        refresher.refreshNow();
        assertThat(meters.get("test.value").gauge().value()).as("the last values stay").isEqualTo(10);
        assertThat(meters.get(MetricsRefresher.FAILURES).tag("source", "test").counter().count()).isEqualTo(1);

        source.fail = false;
        refresher.refreshNow();
        assertThat(meters.get("test.value").gauge().value()).isEqualTo(30);
        assertThat(meters.get(MetricsRefresher.FAILURES).tag("source", "test").counter().count()).isEqualTo(1);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new MetricsRefresher(List.of(), meters, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spotcheck.metrics.refresh");
    }
}
