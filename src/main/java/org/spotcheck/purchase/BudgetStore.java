package org.spotcheck.purchase;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code budget_year} and {@code budget_reservation}, and the budget's lock: every statement of {@link BudgetService}. */
@Repository
class BudgetStore {

    private static final long BUDGET_LOCK = 0x5907_B0D6L;

    private final JdbcClient jdbc;
    private final LockTimeout lockTimeout;

    BudgetStore(JdbcClient jdbc, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    /** What a year's reservations add up to. */
    record YearSums(BigDecimal spent, BigDecimal reserved) {
    }

    /** The one lock of all reservations, across nodes, until commit; the wait is bounded. */
    void lock() {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", BUDGET_LOCK).query().singleRow();
    }

    Optional<BigDecimal> reservation(long casePk) {
        return jdbc.sql("select amount_cny from budget_reservation where case_pk = :case")
                .param("case", casePk).query(BigDecimal.class).optional();
    }

    void reserve(long casePk, BigDecimal amount) {
        jdbc.sql("insert into budget_reservation (case_pk, amount_cny, status) values (:case, :amount, 'RESERVED')")
                .param("case", casePk).param("amount", amount).update();
    }

    /** @return false when the case holds no reservation (settled already) */
    boolean settle(long casePk, BigDecimal paid) {
        return jdbc.sql("""
                update budget_reservation set status = 'SETTLED', paid_cny = :paid, closed_at = now()
                where case_pk = :case and status = 'RESERVED'""")
                .param("paid", paid).param("case", casePk).update() == 1;
    }

    /** @return false when the case holds no reservation */
    boolean release(long casePk) {
        return jdbc.sql("""
                update budget_reservation set status = 'RELEASED', closed_at = now()
                where case_pk = :case and status = 'RESERVED'""").param("case", casePk).update() == 1;
    }

    /** @return false when the case has no settled payment (refunded already) */
    boolean refund(long casePk) {
        return jdbc.sql("""
                update budget_reservation set status = 'REFUNDED', closed_at = now()
                where case_pk = :case and status = 'SETTLED'""").param("case", casePk).update() == 1;
    }

    YearSums sums(int year) {
        Map<String, Object> sums = jdbc.sql("""
                select coalesce(sum(paid_cny) filter (where status = 'SETTLED'), 0) as spent,
                       coalesce(sum(amount_cny) filter (where status = 'RESERVED'), 0) as reserved
                from budget_reservation where extract(year from reserved_at at time zone 'UTC') = :year""")
                .param("year", year).query().singleRow();
        return new YearSums((BigDecimal) sums.get("spent"), (BigDecimal) sums.get("reserved"));
    }

    /** What was spent and is reserved in the year. */
    BigDecimal committed(int year) {
        return jdbc.sql("""
                select coalesce(sum(case status when 'RESERVED' then amount_cny when 'SETTLED' then paid_cny end), 0)
                from budget_reservation where extract(year from reserved_at at time zone 'UTC') = :year""")
                .param("year", year).query(BigDecimal.class).single();
    }

    /** @return the year's budget, if one was set */
    Optional<BigDecimal> yearBudget(int year) {
        return jdbc.sql("select total_cny from budget_year where year = :year").param("year", year)
                .query(BigDecimal.class).optional();
    }

    void setYearBudget(int year, BigDecimal total, String by) {
        jdbc.sql("""
                insert into budget_year (year, total_cny, set_by) values (:year, :total, :by)
                on conflict (year) do update set total_cny = excluded.total_cny, set_by = excluded.set_by, set_at = now()""")
                .param("year", year).param("total", total).param("by", by).update();
    }
}
