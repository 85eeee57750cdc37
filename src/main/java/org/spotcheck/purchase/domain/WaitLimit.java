package org.spotcheck.purchase.domain;

import java.time.Duration;
import java.time.Instant;

/** How long a case may wait for a persona or budget before it is closed unbought. */
public final class WaitLimit {

    private WaitLimit() {
    }

    /** One deadline for the whole wait: a case that waited for a persona has that much less for budget. */
    public static Instant deadline(Instant firstWaited, Duration maxWait) {
        return firstWaited.plus(maxWait);
    }

    /** "30 days", "1 day", "36 hours", "90 minutes": the limit as a timeline entry says it. */
    public static String describe(Duration limit) {
        if (limit.toDays() > 0 && limit.equals(Duration.ofDays(limit.toDays()))) {
            return plural(limit.toDays(), "day");
        }
        if (limit.toHours() > 0 && limit.equals(Duration.ofHours(limit.toHours()))) {
            return plural(limit.toHours(), "hour");
        }
        return plural(Math.max(1, limit.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
