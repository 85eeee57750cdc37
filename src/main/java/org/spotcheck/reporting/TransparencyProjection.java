package org.spotcheck.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transparency report (EU DSA Art. 15 and 24; CONTRACT.md "Seller due process"): notices
 * by source, restrictions by type and how many rested on an automated decision, median hours
 * from the first flag to a restriction, appeals received, decided and reversed with the
 * median days to decide, counter-notices and restorations, reporters warned and suspended.
 * A read model across capabilities: it reads their tables and writes none (TableOwnershipTest).
 * Every figure counts events inside the range.
 */
@Component
class TransparencyProjection {

    private final JdbcClient jdbc;

    TransparencyProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Map<String, Object> between(ReportRange range) {
        // Size: one query per section of the report, then the answer in the report's order
        OffsetDateTime start = range.start();
        OffsetDateTime end = range.end();
        // flag_signal is partitioned by day: the range's partitions only; a notice is a flag as received
        Map<String, Long> notices = counts("""
                select payload->>'source', count(*) from flag_signal
                where received_on between :first and :last group by 1""", range);
        Map<String, Long> restrictions = counts("""
                select command, count(*) from platform_command
                where command in ('WARN_SELLER', 'TAKE_DOWN_LISTING', 'CLOSE_SHOP', 'BAN_SELLER')
                  and issued_at >= :start and issued_at < :end group by 1""", range);
        long automated = jdbc.sql("""
                select count(*) from platform_command where (statement_of_reasons->>'automated')::boolean
                and issued_at >= :start and issued_at < :end""").param("start", start).param("end", end)
                .query(Long.class).single();
        Double hoursToRestriction = median("""
                select percentile_cont(0.5) within group (order by extract(epoch from (p.issued_at - f.first)) / 3600)
                from platform_command p
                join (select case_pk, min(received_at) as first from flag group by case_pk) f on f.case_pk = p.case_pk
                where p.command in ('WARN_SELLER', 'TAKE_DOWN_LISTING', 'CLOSE_SHOP', 'BAN_SELLER')
                  and p.issued_at >= :start and p.issued_at < :end""", range);
        Map<String, Object> appeals = jdbc.sql("""
                select count(*) filter (where received_at >= :start and received_at < :end) as received,
                       count(*) filter (where decided_at >= :start and decided_at < :end) as decided,
                       count(*) filter (where decided_at >= :start and decided_at < :end and decision = 'UPHELD') as upheld,
                       count(*) filter (where decided_at >= :start and decided_at < :end and decision = 'REVERSED') as reversed,
                       count(*) filter (where decided_at >= :start and decided_at < :end and decision = 'REDUCED') as reduced,
                       count(*) filter (where counter_notice_sent_at >= :start and counter_notice_sent_at < :end)
                           as counter_notices
                from appeal where (received_at >= :start and received_at < :end)
                               or (decided_at >= :start and decided_at < :end)""")
                .param("start", start).param("end", end).query().singleRow();
        Double daysToDecide = median("""
                select percentile_cont(0.5) within group (order by extract(epoch from (decided_at - received_at)) / 86400)
                from appeal where decided_at >= :start and decided_at < :end""", range);
        Map<String, Long> restorations = counts("""
                select command, count(*) from platform_command
                where command in ('RESTORE_LISTING', 'REOPEN_SHOP', 'LIFT_BAN') and issued_at >= :start and issued_at < :end
                group by 1""", range);
        Map<String, Object> reporters = jdbc.sql("""
                select count(*) filter (where warned_at >= :start and warned_at < :end) as warned,
                       count(*) filter (where suspended_at >= :start and suspended_at < :end) as suspended
                from reporter_standing where (warned_at >= :start and warned_at < :end)
                                         or (suspended_at >= :start and suspended_at < :end)""")
                .param("start", start).param("end", end).query().singleRow();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", range.first());
        report.put("to", range.last());
        report.put("noticesBySource", notices);
        report.put("restrictionsByType", restrictions);
        report.put("restrictionsAutomated", automated);
        report.put("medianHoursFlagToRestriction", rounded(hoursToRestriction));
        Map<String, Object> appealFigures = new LinkedHashMap<>();
        appealFigures.put("received", appeals.get("received"));
        appealFigures.put("decided", appeals.get("decided"));
        appealFigures.put("upheld", appeals.get("upheld"));
        appealFigures.put("reversed", appeals.get("reversed"));
        appealFigures.put("reduced", appeals.get("reduced"));
        appealFigures.put("medianDaysToDecide", rounded(daysToDecide));
        report.put("appeals", appealFigures);
        report.put("counterNotices", appeals.get("counter_notices"));
        report.put("restorations", restorations);
        report.put("reportersWarned", reporters.get("warned"));
        report.put("reportersSuspended", reporters.get("suspended"));
        return report;
    }

    private Map<String, Long> counts(String sql, ReportRange range) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).paramSource(params(range)).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private Double median(String sql, ReportRange range) {
        return jdbc.sql(sql).paramSource(params(range)).query(Double.class).optional().orElse(null);
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ReportRange range) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("start", range.start())
                .addValue("end", range.end()).addValue("first", range.first()).addValue("last", range.last());
    }

    private static BigDecimal rounded(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
