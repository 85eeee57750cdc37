package org.spotcheck.purchase.domain;

import java.time.Duration;

/** How long a test buyer has for a purchase, by case priority (1 = most urgent). */
public final class PurchaseSla {

    private PurchaseSla() {
    }

    public static Duration dueIn(int priority) {
        return switch (priority) {
            case 1 -> Duration.ofHours(24);
            case 2 -> Duration.ofHours(72);
            default -> Duration.ofDays(7);
        };
    }

    /** Overdue work moves up one priority level, never beyond 1. */
    public static int escalate(int priority) {
        return Math.max(1, priority - 1);
    }

    /** Camunda task priority (higher first) for a case priority. */
    public static int taskPriority(int priority) {
        return switch (priority) {
            case 1 -> 90;
            case 2 -> 60;
            default -> 30;
        };
    }
}
