package org.spotcheck.purchase;

import io.micrometer.core.instrument.MeterRegistry;
import org.spotcheck.metrics.CachedMetrics;
import org.spotcheck.metrics.CachedValue;
import org.springframework.stereotype.Component;

/**
 * The test-buy budget of the current year (UTC) as gauges, cached between refreshes: as
 * {@code GET /api/budget} reports it, the year's budget, what was spent, what is reserved,
 * and today's paced allowance.
 */
@Component
class BudgetMetrics implements CachedMetrics {

    private final BudgetService budget;
    private final CachedValue total;
    private final CachedValue spent;
    private final CachedValue reserved;
    private final CachedValue allowance;

    BudgetMetrics(BudgetService budget, MeterRegistry meters) {
        this.budget = budget;
        total = CachedValue.gauge(meters, "spotcheck.budget.total.cny", "The current year's test-buy budget, CNY", null);
        spent = CachedValue.gauge(meters, "spotcheck.budget.spent.cny",
                "Paid for test buys this year (settled reservations), CNY", null);
        reserved = CachedValue.gauge(meters, "spotcheck.budget.reserved.cny",
                "Reserved for test buys not yet paid this year, CNY", null);
        allowance = CachedValue.gauge(meters, "spotcheck.budget.allowance.cny",
                "What the paced budget still allows to reserve today, CNY", null);
    }

    @Override
    public String source() {
        return "budget";
    }

    @Override
    public void refresh() {
        BudgetService.Totals totals = budget.totals();
        total.set(totals.yearBudgetCny().doubleValue());
        spent.set(totals.spentCny().doubleValue());
        reserved.set(totals.reservedCny().doubleValue());
        allowance.set(totals.todaysAllowanceCny().doubleValue());
    }
}
