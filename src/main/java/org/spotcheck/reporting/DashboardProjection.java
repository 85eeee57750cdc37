package org.spotcheck.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.spotcheck.security.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' dashboard, a read model across capabilities (budget, flags, cases,
 * purchases, verdicts, commands, referrals, appeals, the engine's tasks): it reads and
 * writes nothing of its own (TableOwnershipTest lists the projections). Each chart is a
 * {@link Chart}: labels and named series, the same numbers the page draws and its CSV holds.
 * A category narrows everything that belongs to a listing; the budget's allowance and the
 * task queues are the whole programme's.
 * <p>Size: one query per chart, each a few lines, in the order the page shows them.
 */
@Component
class DashboardProjection {

    /** One chart's numbers: a label per point and a series per line or bar set. */
    record Chart(String title, List<String> labels, Map<String, List<Object>> series) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final BigDecimal defaultYearBudget;

    DashboardProjection(JdbcClient jdbc, TaskService tasks, @Value("${spotcheck.budget.yearly-cny}") BigDecimal defaultYearBudget) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.defaultYearBudget = defaultYearBudget;
    }

    @Transactional(readOnly = true)
    Map<String, Chart> charts(ReportRange range, String category) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        charts.put("budget", budget(range, category));
        charts.put("funnel", funnel(range, category));
        charts.put("hitRate", hitRate(range, category));
        charts.put("takedown", takedown(range, category));
        charts.put("waiting", waiting(category));
        charts.put("tasks", tasks());
        charts.put("appeals", appeals(range, category));
        return charts;
    }

    /** "and the case's listing is of the category", for a query that names its case {@code c}. */
    private static String ofCategory(String category) {
        return category == null ? "" : " and exists (select 1 from listing l where l.id = c.listing_pk and l.category = :category)";
    }

    private MapSqlParameterSource params(ReportRange range, String category) {
        return new MapSqlParameterSource().addValue("start", range.start()).addValue("end", range.end())
                .addValue("first", range.first()).addValue("last", range.last()).addValue("category", category);
    }

    private Chart budget(ReportRange range, String category) {
        Map<LocalDate, BigDecimal> spent = new HashMap<>();
        jdbc.sql("""
                select (r.closed_at at time zone 'UTC')::date, sum(r.paid_cny) from budget_reservation r
                join spot_case c on c.id = r.case_pk
                where r.status = 'SETTLED' and r.closed_at >= :start and r.closed_at < :end""" + ofCategory(category)
                + " group by 1").paramSource(params(range, category))
                .query((rs, i) -> spent.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list();
        List<String> labels = new ArrayList<>();
        List<Object> daily = new ArrayList<>();
        List<Object> cumulative = new ArrayList<>();
        List<Object> allowance = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal allowed = BigDecimal.ZERO;
        Map<Integer, BigDecimal> years = new HashMap<>();
        for (LocalDate day = range.first(); !day.isAfter(range.last()); day = day.plusDays(1)) {
            BigDecimal paid = spent.getOrDefault(day, BigDecimal.ZERO);
            total = total.add(paid);
            allowed = allowed.add(years.computeIfAbsent(day.getYear(), this::yearBudget)
                    .divide(BigDecimal.valueOf(day.lengthOfYear()), 2, RoundingMode.HALF_UP));
            labels.add(day.toString());
            daily.add(paid);
            cumulative.add(total);
            allowance.add(allowed);
        }
        return new Chart("Budget burn against the paced allowance (CNY)", labels,
                series("spent that day", daily, "spent in all", cumulative, "paced allowance in all", allowance));
    }

    private BigDecimal yearBudget(int year) {
        return jdbc.sql("select total_cny from budget_year where year = :year").param("year", year).query(BigDecimal.class)
                .optional().orElse(defaultYearBudget);
    }

    private Chart funnel(ReportRange range, String category) {
        MapSqlParameterSource p = params(range, category);
        String listingOfCategory = category == null ? "" : " and l.category = :category";
        long flags = count("select count(*) from flag_signal f join listing l on l.id = f.listing_pk"
                + " where f.received_on between :first and :last" + listingOfCategory, p);
        long cases = count("select count(*) from spot_case c where c.opened_at >= :start and c.opened_at < :end"
                + ofCategory(category), p);
        long buys = count("select count(*) from test_purchase t join spot_case c on c.id = t.case_pk where not t.listing_unavailable"
                + " and t.recorded_at >= :start and t.recorded_at < :end" + ofCategory(category), p);
        long verdicts = count("select count(*) from verification v join spot_case c on c.id = v.case_pk"
                + " where v.verdict in ('COUNTERFEIT', 'GENUINE') and v.answered_at >= :start and v.answered_at < :end"
                + ofCategory(category), p);
        long restrictions = count("select count(distinct p.case_pk) from platform_command p join spot_case c on c.id = p.case_pk"
                + " where p.command = 'TAKE_DOWN_LISTING' and p.issued_at >= :start and p.issued_at < :end"
                + ofCategory(category), p);
        long referrals = count("select count(*) from referral r join spot_case c on c.id = r.case_pk"
                + " where r.submitted_at >= :start and r.submitted_at < :end" + ofCategory(category), p);
        long arrests = count("select coalesce(sum(o.arrests), 0) from referral_outcome o join referral r on r.id = o.referral_id"
                + " join spot_case c on c.id = r.case_pk where o.reported_at >= :start and o.reported_at < :end"
                + ofCategory(category), p);
        return new Chart("From flags to arrests", List.of("flags", "cases", "test buys", "verdicts", "restrictions",
                "referrals", "arrests"), series("count", List.of(flags, cases, buys, verdicts, restrictions, referrals,
                arrests)));
    }

    private long count(String sql, MapSqlParameterSource params) {
        return jdbc.sql(sql).paramSource(params).query(Long.class).single();
    }

    /** Weeks (from Monday) that touch the range. */
    private static List<LocalDate> weeks(ReportRange range) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = range.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !w.isAfter(range.last());
             w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        return weeks;
    }

    private Chart hitRate(ReportRange range, String category) {
        Map<String, long[]> byWeek = new HashMap<>(); // week:exploration -> counterfeit, verdicts
        jdbc.sql("""
                select date_trunc('week', v.answered_at at time zone 'UTC')::date, c.exploration,
                       count(*) filter (where v.verdict = 'COUNTERFEIT'), count(*)
                from verification v join spot_case c on c.id = v.case_pk
                where v.verdict in ('COUNTERFEIT', 'GENUINE') and v.answered_at >= :start and v.answered_at < :end"""
                + ofCategory(category) + " group by 1, 2").paramSource(params(range, category))
                .query((rs, i) -> byWeek.put(rs.getObject(1, LocalDate.class) + ":" + rs.getBoolean(2),
                        new long[] {rs.getLong(3), rs.getLong(4)})).list();
        List<String> labels = new ArrayList<>();
        List<Object> model = new ArrayList<>();
        List<Object> exploration = new ArrayList<>();
        List<Object> modelVerdicts = new ArrayList<>();
        List<Object> explorationVerdicts = new ArrayList<>();
        for (LocalDate week : weeks(range)) {
            labels.add(week.toString());
            long[] m = byWeek.getOrDefault(week + ":false", new long[2]);
            long[] e = byWeek.getOrDefault(week + ":true", new long[2]);
            model.add(percent(m));
            exploration.add(percent(e));
            modelVerdicts.add(m[1]);
            explorationVerdicts.add(e[1]);
        }
        return new Chart("Hit rate by week (% counterfeit of verdicts)", labels, series("model's buys %", model,
                "exploration buys %", exploration, "model's verdicts", modelVerdicts, "exploration verdicts",
                explorationVerdicts));
    }

    private static BigDecimal percent(long[] counts) {
        return counts[1] == 0 ? null : BigDecimal.valueOf(counts[0] * 100.0 / counts[1]).setScale(1, RoundingMode.HALF_UP);
    }

    private Chart takedown(ReportRange range, String category) {
        Map<LocalDate, BigDecimal> medians = new HashMap<>();
        jdbc.sql("""
                select date_trunc('week', p.issued_at at time zone 'UTC')::date,
                       percentile_cont(0.5) within group (order by extract(epoch from (p.issued_at - c.opened_at)) / 86400)
                from platform_command p join spot_case c on c.id = p.case_pk
                where p.command = 'TAKE_DOWN_LISTING' and p.issued_at >= :start and p.issued_at < :end"""
                + ofCategory(category) + " group by 1").paramSource(params(range, category))
                .query((rs, i) -> medians.put(rs.getObject(1, LocalDate.class),
                        BigDecimal.valueOf(rs.getDouble(2)).setScale(2, RoundingMode.HALF_UP))).list();
        List<String> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (LocalDate week : weeks(range)) {
            labels.add(week.toString());
            values.add(medians.get(week));
        }
        return new Chart("Median days from flag to takedown, by week", labels, series("median days", values));
    }

    private Chart waiting(String category) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select c.status, count(*) from spot_case c where c.status in ('AWAITING_BUDGET', 'AWAITING_PERSONA',"
                        + " 'AWAITING_VERIFICATION')" + ofCategory(category) + " group by 1")
                .paramSource(new MapSqlParameterSource("category", category))
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return new Chart("Cases waiting now", List.of("budget", "persona", "verdict"), series("cases",
                List.of(counts.getOrDefault("AWAITING_BUDGET", 0L), counts.getOrDefault("AWAITING_PERSONA", 0L),
                        counts.getOrDefault("AWAITING_VERIFICATION", 0L))));
    }

    private Chart tasks() {
        java.util.Date now = new java.util.Date();
        List<Object> open = new ArrayList<>();
        List<Object> overdue = new ArrayList<>();
        for (String group : Groups.TASK_GROUPS) {
            open.add(tasks.createTaskQuery().taskCandidateGroup(group).count());
            overdue.add(tasks.createTaskQuery().taskCandidateGroup(group).dueBefore(now).count());
        }
        return new Chart("Open and overdue tasks by group, now", List.copyOf(Groups.TASK_GROUPS),
                series("open", open, "overdue", overdue));
    }

    private Chart appeals(ReportRange range, String category) {
        Map<String, Long> byWeek = new HashMap<>();
        jdbc.sql("""
                select 'received:' || date_trunc('week', a.received_at at time zone 'UTC')::date, count(*)
                from appeal a join spot_case c on c.id = a.case_pk
                where a.received_at >= :start and a.received_at < :end""" + ofCategory(category) + """
                 group by 1
                union all
                select 'reversed:' || date_trunc('week', a.decided_at at time zone 'UTC')::date, count(*)
                from appeal a join spot_case c on c.id = a.case_pk
                where a.decision = 'REVERSED' and a.decided_at >= :start and a.decided_at < :end""" + ofCategory(category)
                + " group by 1").paramSource(params(range, category))
                .query((rs, i) -> byWeek.put(rs.getString(1), rs.getLong(2))).list();
        List<String> labels = new ArrayList<>();
        List<Object> received = new ArrayList<>();
        List<Object> reversed = new ArrayList<>();
        for (LocalDate week : weeks(range)) {
            labels.add(week.toString());
            received.add(byWeek.getOrDefault("received:" + week, 0L));
            reversed.add(byWeek.getOrDefault("reversed:" + week, 0L));
        }
        return new Chart("Sellers' appeals and reversals, by week", labels, series("received", received,
                "reversed", reversed));
    }

    private static Map<String, List<Object>> series(Object... namesAndValues) {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) namesAndValues[i + 1];
            series.put((String) namesAndValues[i], values);
        }
        return series;
    }
}
