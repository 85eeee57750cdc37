package org.spotcheck.purchase;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseClosed;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CaseStatus;
import org.spotcheck.cases.Outcome;
import org.spotcheck.listing.Listings;
import org.spotcheck.purchase.domain.BudgetPacing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test-buy budget: reservations before a purchase, settlement with what was paid,
 * release when a case ends unpaid, refund when a parcel never came. Reservations take a
 * PostgreSQL advisory lock, so nodes sharing the database can never overspend together.
 * The SQL is {@link BudgetStore}'s.
 */
@Service
public class BudgetService {

    private final BudgetStore store;
    private final CaseRepository cases;
    private final Listings listings;
    private final CaseJournal journal;
    private final BudgetProperties properties;
    private final Clock clock;

    BudgetService(BudgetStore store, CaseRepository cases, Listings listings, CaseJournal journal,
                  BudgetProperties properties, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.listings = listings;
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the case's reservation (made now or earlier), or empty when today's allowance cannot cover it */
    @Transactional
    public Optional<BigDecimal> tryReserve(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        Optional<BigDecimal> existing = store.reservation(ref.pk());
        if (existing.isPresent()) {
            return existing;
        }
        store.lock();
        BigDecimal cost = expectedCost(ref.pk());
        if (cost.compareTo(allowanceToday()) > 0) {
            return Optional.empty();
        }
        store.reserve(ref.pk(), cost);
        journal.record(ref, "BUDGET", CaseJournal.ACTOR_SYSTEM, "Reserved " + cost + " CNY for the test purchase",
                "budget-reserved", Map.of("amountCny", cost));
        return Optional.of(cost);
    }

    /** Notes once on the timeline why the case waits. */
    @Transactional
    public void noteWaiting(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        journal.record(ref, "BUDGET", CaseJournal.ACTOR_SYSTEM, "Waiting for budget: today's allowance of "
                        + allowanceToday() + " CNY cannot cover the expected " + expectedCost(ref.pk()) + " CNY",
                "budget-waiting", Map.of());
    }

    @Transactional
    public void settle(CaseRef ref, BigDecimal paid) {
        if (store.settle(ref.pk(), paid)) {
            journal.record(ref, "BUDGET", CaseJournal.ACTOR_SYSTEM, "Spent " + paid + " CNY", "budget-settled",
                    Map.of("paidCny", paid));
        }
    }

    /** A case that ends unpaid gives its reservation back; an undelivered parcel is refunded. */
    @EventListener
    void onCaseClosed(CaseClosed closed) {
        if (store.release(closed.ref().pk())) {
            journal.record(closed.ref(), "BUDGET", CaseJournal.ACTOR_SYSTEM, "Reservation released",
                    "budget-released", Map.of());
        }
        if (closed.outcome() == Outcome.NOT_DELIVERED) {
            if (store.refund(closed.ref().pk())) {
                journal.record(closed.ref(), "BUDGET", CaseJournal.ACTOR_SYSTEM,
                        "Parcel not delivered: payment refunded to the budget", "budget-refunded", Map.of());
            }
        }
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        int year = today().getYear();
        BudgetStore.YearSums sums = store.sums(year);
        List<WaitingCase> waiting = cases.waitingInReleaseOrder(CaseStatus.AWAITING_BUDGET).stream()
                .map(w -> new WaitingCase(w.caseNumber(), w.priority(), w.riskScore(), w.openedAt())).toList();
        return new Overview(year, yearBudget(year), sums.spent(), sums.reserved(), allowanceToday(), waiting);
    }

    /** The current year's figures without the waiting cases (what the metrics report, {@code BudgetMetrics}). */
    @Transactional(readOnly = true)
    public Totals totals() {
        int year = today().getYear();
        BudgetStore.YearSums sums = store.sums(year);
        return new Totals(year, yearBudget(year), sums.spent(), sums.reserved(), allowanceToday());
    }

    @Transactional
    public void setYearBudget(int year, BigDecimal total, String by) {
        store.setYearBudget(year, total, by);
    }

    /** The day's even share of its year's budget: what pacing adds each day (exploration spends a share of it). */
    @Transactional(readOnly = true)
    public BigDecimal dayShareCny(LocalDate day) {
        return yearBudget(day.getYear()).divide(BigDecimal.valueOf(day.lengthOfYear()), 2, java.math.RoundingMode.DOWN);
    }

    /** What a test buy of a listing at this price is expected to cost, as its reservation will. */
    public BigDecimal expectedCostAt(BigDecimal priceCny) {
        return priceCny.add(properties.shippingEstimateCny());
    }

    BigDecimal allowanceToday() {
        LocalDate today = today();
        return BudgetPacing.allowanceToday(yearBudget(today.getYear()), today, store.committed(today.getYear()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private BigDecimal yearBudget(int year) {
        return store.yearBudget(year).orElse(properties.yearlyCny());
    }

    private BigDecimal expectedCost(long casePk) {
        return expectedCostAt(listings.require(cases.subject(casePk).listingPk()).priceCny());
    }

    public record Overview(int year, BigDecimal yearBudgetCny, BigDecimal spentCny, BigDecimal reservedCny,
                           BigDecimal todaysAllowanceCny, List<WaitingCase> waitingCases) {
    }

    public record Totals(int year, BigDecimal yearBudgetCny, BigDecimal spentCny, BigDecimal reservedCny,
                         BigDecimal todaysAllowanceCny) {
    }

    public record WaitingCase(String caseNumber, Integer priority, BigDecimal riskScore,
                              java.time.OffsetDateTime openedAt) {
    }
}
