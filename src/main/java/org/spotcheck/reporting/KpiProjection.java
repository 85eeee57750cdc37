package org.spotcheck.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs, a read model across capabilities (test purchases, budget, verdicts, platform
 * commands, referrals and their outcomes): a projection may join the tables of other
 * capabilities and writes none (TableOwnershipTest lists the projections). Definitions in
 * docs/process.md (KPIs); every figure counts events inside the range, whenever their case started.
 */
@Component
class KpiProjection {

    private final JdbcClient jdbc;
    private final BigDecimal defaultYearBudget;

    KpiProjection(JdbcClient jdbc, @Value("${spotcheck.budget.yearly-cny}") BigDecimal defaultYearBudget) {
        this.jdbc = jdbc;
        this.defaultYearBudget = defaultYearBudget;
    }

    /** The KPIs of days {@code first}..{@code last}, inclusive, UTC. */
    @Transactional(readOnly = true)
    Map<String, Object> between(LocalDate first, LocalDate last) {
        // Size: one query per figure, then the answer in the order managers read it
        OffsetDateTime start = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<String, Object> purchases = jdbc.sql("""
                select count(*) as test_buys, count(distinct l.shop_id) as shops
                from test_purchase p join spot_case c on c.id = p.case_pk join listing l on l.id = c.listing_pk
                where not p.listing_unavailable and p.recorded_at >= :start and p.recorded_at < :end""")
                .param("start", start).param("end", end).query().singleRow();
        BigDecimal spent = jdbc.sql("""
                select coalesce(sum(paid_cny), 0) from budget_reservation
                where status = 'SETTLED' and closed_at >= :start and closed_at < :end""")
                .param("start", start).param("end", end).query(BigDecimal.class).single();
        Map<String, Object> verdicts = jdbc.sql("""
                select count(*) filter (where verdict = 'COUNTERFEIT') as counterfeit,
                       count(*) filter (where verdict = 'GENUINE') as genuine
                from verification where answered_at >= :start and answered_at < :end""")
                .param("start", start).param("end", end).query().singleRow();
        Double medianDays = jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from (p.issued_at - c.opened_at)) / 86400)
                from platform_command p join spot_case c on c.id = p.case_pk
                where p.command = 'TAKE_DOWN_LISTING' and p.issued_at >= :start and p.issued_at < :end""")
                .param("start", start).param("end", end).query(Double.class).optional().orElse(null);
        long leads = jdbc.sql("select count(*) from referral where submitted_at >= :start and submitted_at < :end")
                .param("start", start).param("end", end).query(Long.class).single();
        Map<String, Object> appeals = jdbc.sql("""
                select count(*) filter (where received_at >= :start and received_at < :end) as received,
                       count(*) filter (where decided_at >= :start and decided_at < :end) as decided,
                       count(*) filter (where decided_at >= :start and decided_at < :end and decision = 'REVERSED') as reversed
                from appeal where (received_at >= :start and received_at < :end) or (decided_at >= :start and decided_at < :end)""")
                .param("start", start).param("end", end).query().singleRow();
        Map<String, Object> outcomes = jdbc.sql("""
                select coalesce(sum(arrests), 0) as arrests, coalesce(sum(sites_closed), 0) as sites,
                       coalesce(sum(seized_value_cny), 0) as seized
                from referral_outcome where reported_at >= :start and reported_at < :end""")
                .param("start", start).param("end", end).query().singleRow();

        long counterfeit = ((Number) verdicts.get("counterfeit")).longValue();
        long genuine = ((Number) verdicts.get("genuine")).longValue();
        Map<String, Object> kpis = new LinkedHashMap<>();
        kpis.put("from", first);
        kpis.put("to", last);
        kpis.put("testBuys", purchases.get("test_buys"));
        kpis.put("spendCny", spent);
        kpis.put("budgetCny", pacedBudget(first, last));
        kpis.put("counterfeitVerdicts", counterfeit);
        kpis.put("genuineVerdicts", genuine);
        kpis.put("hitRate", counterfeit + genuine == 0 ? null
                : BigDecimal.valueOf(counterfeit).divide(BigDecimal.valueOf(counterfeit + genuine), 4, RoundingMode.HALF_UP));
        kpis.put("shopsCovered", purchases.get("shops"));
        kpis.put("medianDaysFlagToTakedown", medianDays == null ? null
                : BigDecimal.valueOf(medianDays).setScale(2, RoundingMode.HALF_UP));
        kpis.put("leads", leads);
        kpis.put("arrests", outcomes.get("arrests"));
        kpis.put("sitesClosed", outcomes.get("sites"));
        kpis.put("seizedValueCny", outcomes.get("seized"));
        kpis.put("appealsReceived", appeals.get("received"));
        kpis.put("appealsDecided", appeals.get("decided"));
        kpis.put("appealsReversed", appeals.get("reversed"));
        return kpis;
    }

    /** The budget that belongs to the range: each day's even share of its year's budget. */
    private BigDecimal pacedBudget(LocalDate first, LocalDate last) {
        BigDecimal total = BigDecimal.ZERO;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            LocalDate yearStart = LocalDate.of(year, 1, 1);
            LocalDate from = first.isAfter(yearStart) ? first : yearStart;
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            LocalDate to = last.isBefore(yearEnd) ? last : yearEnd;
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            BigDecimal budget = jdbc.sql("select total_cny from budget_year where year = :year").param("year", year)
                    .query(BigDecimal.class).optional().orElse(defaultYearBudget);
            total = total.add(budget.multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(yearStart.lengthOfYear()), 2, RoundingMode.HALF_UP));
        }
        return total;
    }
}
