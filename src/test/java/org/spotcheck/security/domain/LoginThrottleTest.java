package org.spotcheck.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(5, 50, Duration.ofSeconds(60), Duration.ofMinutes(15), 1000), clock);

    @Test
    void wrongPasswordsFromOneAddressNeverSlowTheAccountDownFromAnother() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("intake", "203.0.113.9");
        }
        assertThat(throttle.waitFor("intake", "203.0.113.9")).isPositive();
        assertThat(throttle.waitFor("intake", "10.0.0.5")).isZero();
    }

    @Test
    void afterTheFreeFailuresEachWaitsTwiceAsLongUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("analyst", "a");
        }
        assertThat(throttle.waitFor("analyst", "a")).isZero();
        throttle.failed("analyst", "a");
        assertThat(throttle.waitFor("analyst", "a")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("analyst", "a");
        assertThat(throttle.waitFor("analyst", "a")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("analyst", "a");
        }
        assertThat(throttle.waitFor("analyst", "a")).isEqualTo(Duration.ofSeconds(60));
        now = now.plusSeconds(61);
        assertThat(throttle.waitFor("analyst", "a")).as("never locked for good").isZero();
    }

    @Test
    void aSuccessClearsTheAccountAndAQuietSpellForgetsIt() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("admin", "a");
        }
        throttle.succeeded("admin", "a");
        assertThat(throttle.waitFor("admin", "a")).isZero();
        for (int i = 0; i < 7; i++) {
            throttle.failed("buyer", "a");
        }
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("buyer", "a");
        assertThat(throttle.waitFor("buyer", "a")).as("counting starts again").isZero();
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedAsAClient() {
        for (int i = 0; i < 51; i++) {
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(throttle.waitFor("someone-new", "198.51.100.7")).isPositive();
        assertThat(throttle.waitFor("someone-new", "198.51.100.8")).isZero();
    }
}
