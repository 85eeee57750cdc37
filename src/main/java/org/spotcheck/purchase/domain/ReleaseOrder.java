package org.spotcheck.purchase.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which cases waiting for budget are released: priority 1 first, then the
 * higher risk score, then the older case. Read backwards it says who gives way when the
 * queue is full: the lowest priority, the lowest risk, the newest.
 */
public final class ReleaseOrder {

    /** A waiting case's place; {@code id} breaks the last ties, so the order is total. */
    public record Place(Integer priority, BigDecimal riskScore, Instant openedAt, long id) {
    }

    /**
     * First released first. Missing values sort as PostgreSQL sorts the releaser's
     * {@code order by priority, risk_score desc, opened_at, id}: no priority last, no risk
     * score first (nulls come first in a descending order).
     */
    public static final Comparator<Place> FIRST_RELEASED = Comparator
            .comparing(Place::priority, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(Place::riskScore, Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Place::openedAt)
            .thenComparingLong(Place::id);

    private ReleaseOrder() {
    }

    /** @return true when {@code a} would be released before {@code b} */
    public static boolean ranksAbove(Place a, Place b) {
        return FIRST_RELEASED.compare(a, b) < 0;
    }
}
