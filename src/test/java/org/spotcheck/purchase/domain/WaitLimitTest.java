package org.spotcheck.purchase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitLimitTest {

    @Test
    void saysTheLimitInTheLargestWholeUnit() {
        assertThat(WaitLimit.describe(Duration.parse("P30D"))).isEqualTo("30 days");
        assertThat(WaitLimit.describe(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(WaitLimit.describe(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(WaitLimit.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(WaitLimit.describe(Duration.ofSeconds(20))).isEqualTo("1 minute");
    }

    @Test
    void theDeadlineCountsFromTheFirstWait() {
        Instant first = Instant.parse("2026-12-01T08:00:00Z");

        assertThat(WaitLimit.deadline(first, Duration.parse("P30D"))).isEqualTo(Instant.parse("2026-12-31T08:00:00Z"));
    }
}
