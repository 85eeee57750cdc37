package org.spotcheck.triage.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exploration buys: a share of each day's test-buy allowance is spent on flags the triage
 * table waved through (MONITOR, DISMISS), to measure what the risk model misses. The share
 * accrues evenly over the day, so buys are spread over it rather than spent on the first
 * flags after midnight: at any moment the day may have spent {@code share × allowance ×
 * elapsed part of the day}. Given the same flags at the same times the same ones are drawn,
 * on any node (the spend so far is kept in the database).
 */
public final class ExplorationPacing {

    private final BigDecimal share;

    public ExplorationPacing(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("exploration share must be within 0..1, was " + share);
        }
        this.share = BigDecimal.valueOf(share);
    }

    /**
     * @param dayAllowance the day's test-buy allowance (its share of the year's budget)
     * @param dayElapsed   the part of the day gone, 0..1
     * @return what exploration may have spent by now today
     */
    public BigDecimal pacedSoFar(BigDecimal dayAllowance, double dayElapsed) {
        double elapsed = Math.max(0, Math.min(1, dayElapsed));
        return dayAllowance.multiply(share).multiply(BigDecimal.valueOf(elapsed)).setScale(2, RoundingMode.DOWN);
    }

    /** Whether a low-risk flag whose buy would cost {@code cost} is drawn, after {@code spent} today. */
    public boolean draws(BigDecimal spent, BigDecimal cost, BigDecimal dayAllowance, double dayElapsed) {
        return share.signum() > 0 && spent.add(cost).compareTo(pacedSoFar(dayAllowance, dayElapsed)) <= 0;
    }
}
