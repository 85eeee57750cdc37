package org.spotcheck.purchase;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spotcheck.purchase.*}: how long a case may wait for a persona or budget in all
 * ({@code max-wait}) before it is closed unbought, and how many cases may wait for budget
 * at once ({@code max-waiting}).
 */
@ConfigurationProperties("spotcheck.purchase")
@Validated
record WaitingProperties(@NotNull Duration maxWait, @Min(1) int maxWaiting) {

    WaitingProperties {
        if (maxWait != null && (maxWait.isZero() || maxWait.isNegative())) {
            throw new IllegalArgumentException("spotcheck.purchase.max-wait must be positive, not " + maxWait);
        }
    }
}
