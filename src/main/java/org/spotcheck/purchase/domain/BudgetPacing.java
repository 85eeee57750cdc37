package org.spotcheck.purchase.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Paces a yearly test-buy budget over its days: each day adds an even share of the year
 * (budget / days in the year), and what earlier days left unspent carries over. Money is
 * exact decimals in CNY, rounded down to the fen so the pace never overshoots.
 */
public final class BudgetPacing {

    private BudgetPacing() {
    }

    /**
     * @param yearBudget budget of the year of {@code today}
     * @param committed  spent plus reserved so far this year
     * @return what may still be reserved today, never below zero nor above what the year has left
     */
    public static BigDecimal allowanceToday(BigDecimal yearBudget, LocalDate today, BigDecimal committed) {
        BigDecimal pacedSoFar = yearBudget.multiply(BigDecimal.valueOf(today.getDayOfYear()))
                .divide(BigDecimal.valueOf(today.lengthOfYear()), 2, RoundingMode.DOWN);
        BigDecimal available = pacedSoFar.subtract(committed);
        BigDecimal leftThisYear = yearBudget.subtract(committed);
        return available.min(leftThisYear).max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
    }

    /** A purchase may cost this share of its reservation before it needs triage's approval. */
    public static final BigDecimal OVERSPEND_LIMIT = new BigDecimal("1.5");

    public static boolean needsApproval(BigDecimal paid, BigDecimal reserved) {
        return paid.compareTo(reserved.multiply(OVERSPEND_LIMIT)) > 0;
    }
}
