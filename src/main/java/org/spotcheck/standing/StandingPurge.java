package org.spotcheck.standing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lifecycle of {@code reporter_standing}: a reporter silent for the retention (3 years) starts afresh. */
@Component
class StandingPurge {

    private static final Logger log = LoggerFactory.getLogger(StandingPurge.class);

    private final NotifierStanding standing;
    private final Duration retention;

    StandingPurge(NotifierStanding standing, @Value("${spotcheck.reporters.retention:P1095D}") Duration retention) {
        this.standing = standing;
        this.retention = retention;
    }

    @Scheduled(cron = "${spotcheck.reporters.purge-cron:0 30 3 * * *}")
    void purge() {
        int removed = standing.purge(retention);
        if (removed > 0) {
            log.info("Forgot {} reporters without a notice for {}", removed, retention);
        }
    }
}
