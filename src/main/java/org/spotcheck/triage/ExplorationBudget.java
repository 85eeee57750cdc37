package org.spotcheck.triage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.spotcheck.purchase.BudgetService;
import org.spotcheck.triage.domain.ExplorationPacing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws exploration buys for intake against the day's share of the test-buy budget
 * ({@code spotcheck.triage.exploration-share}), keeping each day's spend in
 * {@code exploration_day}. A batch reads the day's spend once without a lock; only a batch
 * that draws locks the day's row (until it commits), so nodes never overspend the share
 * and batches that draw nothing never wait. Draws are rare: a few dozen a day. The SQL is
 * {@link ExplorationStore}'s.
 */
@Component
public class ExplorationBudget {

    private final ExplorationStore store;
    private final BudgetService budget;
    private final ExplorationPacing pacing;

    ExplorationBudget(ExplorationStore store, BudgetService budget, TriageProperties properties) {
        this.store = store;
        this.budget = budget;
        this.pacing = new ExplorationPacing(properties.explorationShare());
    }

    /** The draws of one batch, at one instant ({@link #at}). */
    public final class Draws {
        private final LocalDate day;
        private final double elapsed;
        private final BigDecimal allowance;
        private BigDecimal spent;
        private boolean locked;

        private Draws(LocalDate day, double elapsed) {
            this.day = day;
            this.elapsed = elapsed;
            this.allowance = budget.dayShareCny(day);
            this.spent = store.spentOn(day, false);
        }

        /** Whether a low-risk flag for a listing at this price is bought anyway; counts the buy when it is. */
        public boolean draw(BigDecimal priceCny) {
            BigDecimal cost = budget.expectedCostAt(priceCny);
            if (!pacing.draws(spent, cost, allowance, elapsed)) {
                return false;
            }
            if (!locked) { // the spend again, under the day's row lock: another node may have drawn meanwhile
                store.ensureDay(day);
                spent = store.spentOn(day, true);
                locked = true;
                if (!pacing.draws(spent, cost, allowance, elapsed)) {
                    return false;
                }
            }
            store.spend(day, cost);
            spent = spent.add(cost);
            return true;
        }
    }

    /** Draws for a batch received at {@code now}, in the batch's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Draws at(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double elapsed = Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), now).toMillis()
                / (double) Duration.ofDays(1).toMillis();
        return new Draws(day, elapsed);
    }

    /** Days before {@code day} are forgotten (with their flags): @return how many were removed */
    @Transactional
    public int forgetBefore(LocalDate day) {
        return store.forgetBefore(day);
    }
}
