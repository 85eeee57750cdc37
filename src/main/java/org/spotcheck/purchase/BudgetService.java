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
import org.spotcheck.db.LockTimeout;
import org.spotcheck.listing.Listings;
import org.spotcheck.purchase.domain.BudgetPacing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test-buy budget: reservations before a purchase, settlement with what was paid,
 * release when a case ends unpaid, refund when a parcel never came. Reservations take a
 * PostgreSQL advisory lock, so nodes sharing the database can never overspend together.
 */
@Service
public class BudgetService {

    private static final long BUDGET_LOCK = 0x5907_B0D6L;

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Listings listings;
    private final CaseJournal journal;
    private final BudgetProperties properties;
    private final Clock clock;
    private final LockTimeout lockTimeout;

    BudgetService(JdbcClient jdbc, CaseRepository cases, Listings listings, CaseJournal journal, BudgetProperties properties,
                  Clock clock, LockTimeout lockTimeout) {
        this.lockTimeout = lockTimeout;
        this.jdbc = jdbc;
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
        Optional<BigDecimal> existing = reservation(ref.pk());
        if (existing.isPresent()) {
            return existing;
        }
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", BUDGET_LOCK).query().singleRow();
        BigDecimal cost = expectedCost(ref.pk());
        if (cost.compareTo(allowanceToday()) > 0) {
            return Optional.empty();
        }
        jdbc.sql("insert into budget_reservation (case_pk, amount_cny, status) values (:case, :amount, 'RESERVED')")
                .param("case", ref.pk()).param("amount", cost).update();
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
        int changed = jdbc.sql("""
                update budget_reservation set status = 'SETTLED', paid_cny = :paid, closed_at = now()
                where case_pk = :case and status = 'RESERVED'""")
                .param("paid", paid).param("case", ref.pk()).update();
        if (changed == 1) {
            journal.record(ref, "BUDGET", CaseJournal.ACTOR_SYSTEM, "Spent " + paid + " CNY", "budget-settled",
                    Map.of("paidCny", paid));
        }
    }

    /** A case that ends unpaid gives its reservation back; an undelivered parcel is refunded. */
    @EventListener
    void onCaseClosed(CaseClosed closed) {
        int released = jdbc.sql("""
                update budget_reservation set status = 'RELEASED', closed_at = now()
                where case_pk = :case and status = 'RESERVED'""").param("case", closed.ref().pk()).update();
        if (released == 1) {
            journal.record(closed.ref(), "BUDGET", CaseJournal.ACTOR_SYSTEM, "Reservation released",
                    "budget-released", Map.of());
        }
        if (closed.outcome() == Outcome.NOT_DELIVERED) {
            int refunded = jdbc.sql("""
                    update budget_reservation set status = 'REFUNDED', closed_at = now()
                    where case_pk = :case and status = 'SETTLED'""").param("case", closed.ref().pk()).update();
            if (refunded == 1) {
                journal.record(closed.ref(), "BUDGET", CaseJournal.ACTOR_SYSTEM,
                        "Parcel not delivered: payment refunded to the budget", "budget-refunded", Map.of());
            }
        }
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        int year = today().getYear();
        Map<String, Object> sums = jdbc.sql("""
                select coalesce(sum(paid_cny) filter (where status = 'SETTLED'), 0) as spent,
                       coalesce(sum(amount_cny) filter (where status = 'RESERVED'), 0) as reserved
                from budget_reservation where extract(year from reserved_at at time zone 'UTC') = :year""")
                .param("year", year).query().singleRow();
        List<WaitingCase> waiting = cases.waitingInReleaseOrder(CaseStatus.AWAITING_BUDGET).stream()
                .map(w -> new WaitingCase(w.caseNumber(), w.priority(), w.riskScore(), w.openedAt())).toList();
        return new Overview(year, yearBudget(year), (BigDecimal) sums.get("spent"), (BigDecimal) sums.get("reserved"),
                allowanceToday(), waiting);
    }

    @Transactional
    public void setYearBudget(int year, BigDecimal total, String by) {
        jdbc.sql("""
                insert into budget_year (year, total_cny, set_by) values (:year, :total, :by)
                on conflict (year) do update set total_cny = excluded.total_cny, set_by = excluded.set_by, set_at = now()""")
                .param("year", year).param("total", total).param("by", by).update();
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
        return BudgetPacing.allowanceToday(yearBudget(today.getYear()), today, committed(today.getYear()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private BigDecimal yearBudget(int year) {
        return jdbc.sql("select total_cny from budget_year where year = :year").param("year", year)
                .query(BigDecimal.class).optional().orElse(properties.yearlyCny());
    }

    private BigDecimal committed(int year) {
        return jdbc.sql("""
                select coalesce(sum(case status when 'RESERVED' then amount_cny when 'SETTLED' then paid_cny end), 0)
                from budget_reservation where extract(year from reserved_at at time zone 'UTC') = :year""")
                .param("year", year).query(BigDecimal.class).single();
    }

    private BigDecimal expectedCost(long casePk) {
        return expectedCostAt(listings.require(cases.subject(casePk).listingPk()).priceCny());
    }

    private Optional<BigDecimal> reservation(long casePk) {
        return jdbc.sql("select amount_cny from budget_reservation where case_pk = :case")
                .param("case", casePk).query(BigDecimal.class).optional();
    }

    public record Overview(int year, BigDecimal yearBudgetCny, BigDecimal spentCny, BigDecimal reservedCny,
                           BigDecimal todaysAllowanceCny, List<WaitingCase> waitingCases) {
    }

    public record WaitingCase(String caseNumber, Integer priority, BigDecimal riskScore,
                              java.time.OffsetDateTime openedAt) {
    }
}
