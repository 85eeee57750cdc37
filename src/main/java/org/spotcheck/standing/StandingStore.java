package org.spotcheck.standing;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.db.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code reporter_standing} and {@code case_reporter}; only this class reads or writes them. */
@Repository
class StandingStore {

    private static final String RECORD = """
            select reporter_id, standing, reason, notices, test_buys, counterfeit, genuine, reversed, warned_at,
                   suspended_until, first_notice_at, last_notice_at, baseline_verdicts, baseline_counterfeit,
                   baseline_reversed
            from reporter_standing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StandingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Map<String, ReporterRecord> records(Collection<String> reporterIds) {
        Map<String, ReporterRecord> found = new HashMap<>();
        if (!reporterIds.isEmpty()) {
            ArraySql.query(template, RECORD + " where reporter_id = any(?::varchar[])", (rs, i) -> {
                ReporterRecord r = record(rs);
                return found.put(r.reporterId(), r);
            }, ArraySql.of("varchar", List.copyOf(reporterIds)));
        }
        return found;
    }

    Optional<ReporterRecord> record(String reporterId) {
        return Optional.ofNullable(records(List.of(reporterId)).get(reporterId));
    }

    /** Adds notices, one statement for a batch, in one order of rows (concurrent batches cannot deadlock). */
    void addNotices(Map<String, Long> counts, OffsetDateTime at) {
        List<String> ids = counts.keySet().stream().sorted().toList();
        ArraySql.update(template, """
                insert into reporter_standing (reporter_id, notices, first_notice_at, last_notice_at)
                select r, n, ?, ? from unnest(?::varchar[], ?::int8[]) with ordinality as t(r, n, o) order by o
                on conflict (reporter_id) do update set notices = reporter_standing.notices + excluded.notices,
                                                        last_notice_at = excluded.last_notice_at""",
                at, at, ArraySql.of("varchar", ids), ArraySql.of("int8", ids.stream().map(counts::get).toList()));
    }

    /** One statement for the batch's cases and their reporters. */
    void linkCases(Map<Long, ? extends Collection<String>> caseReporters) {
        List<Long> cases = new java.util.ArrayList<>();
        List<String> reporters = new java.util.ArrayList<>();
        caseReporters.forEach((casePk, ids) -> ids.forEach(id -> {
            cases.add(casePk);
            reporters.add(id);
        }));
        ArraySql.update(template, """
                insert into case_reporter (case_pk, reporter_id) select c, r from unnest(?::int8[], ?::varchar[]) as t(c, r)
                on conflict do nothing""", ArraySql.of("int8", cases), ArraySql.of("varchar", reporters));
    }

    List<String> reportersOf(long casePk) {
        return jdbc.sql("select reporter_id from case_reporter where case_pk = :case order by reporter_id")
                .param("case", casePk).query(String.class).list();
    }

    /** Counts the event for the reporter (its row locked until the transaction ends); @return its record after */
    ReporterRecord count(String reporterId, CaseEvent event) {
        String column = switch (event) {
            case TEST_BUY -> "test_buys";
            case COUNTERFEIT -> "counterfeit";
            case GENUINE -> "genuine";
            case REVERSED -> "reversed";
        };
        jdbc.sql("insert into reporter_standing (reporter_id) values (:id) on conflict do nothing")
                .param("id", reporterId).update();
        jdbc.sql("update reporter_standing set " + column + " = " + column + " + 1 where reporter_id = :id")
                .param("id", reporterId).update();
        return record(reporterId).orElseThrow();
    }

    /** {@code rebase}: the reporter was just warned or suspended, so what it does next counts from now. */
    void setStanding(String reporterId, Standing standing, String reason, OffsetDateTime now, OffsetDateTime until,
                     boolean rebase) {
        jdbc.sql("""
                update reporter_standing set standing = :standing, reason = :reason,
                       warned_at = case when :standing = 'WARNED' then coalesce(warned_at, :now) else warned_at end,
                       suspended_at = case when :standing = 'SUSPENDED' then :now else suspended_at end,
                       suspended_until = case when :standing = 'SUSPENDED' then :until else suspended_until end,
                       baseline_verdicts = case when :rebase then counterfeit + genuine else baseline_verdicts end,
                       baseline_counterfeit = case when :rebase then counterfeit else baseline_counterfeit end,
                       baseline_reversed = case when :rebase then reversed else baseline_reversed end
                where reporter_id = :id""")
                .param("id", reporterId).param("standing", standing.name()).param("reason", reason).param("now", now)
                .param("until", until).param("rebase", rebase).update();
    }

    /** @return reporters removed: no notice since {@code before} and no suspension running */
    int purge(OffsetDateTime before, OffsetDateTime now) {
        return jdbc.sql("""
                delete from reporter_standing where last_notice_at < :before
                and (suspended_until is null or suspended_until < :now)""")
                .param("before", before).param("now", now).update();
    }

    private static ReporterRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        long counterfeit = rs.getLong("counterfeit");
        long genuine = rs.getLong("genuine");
        return new ReporterRecord(rs.getString("reporter_id"), Standing.valueOf(rs.getString("standing")),
                rs.getString("reason"), rs.getLong("notices"), rs.getLong("test_buys"), counterfeit, genuine,
                rs.getLong("reversed"), counterfeit + genuine == 0 ? null : (double) counterfeit / (counterfeit + genuine),
                rs.getObject("warned_at", OffsetDateTime.class), rs.getObject("suspended_until", OffsetDateTime.class),
                rs.getObject("first_notice_at", OffsetDateTime.class), rs.getObject("last_notice_at", OffsetDateTime.class),
                new ReporterRecord.Baseline(rs.getLong("baseline_verdicts"), rs.getLong("baseline_counterfeit"),
                        rs.getLong("baseline_reversed")));
    }
}
