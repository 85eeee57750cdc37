package org.spotcheck.intake;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.db.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code flag_signal} table: every flag received, with its triage decision, in daily
 * partitions ({@link FlagPartitions}). It is also the outbox of {@code spotcheck.flag-decisions}:
 * {@link FlagDecisionRelay} reads it in commit order.
 */
@Repository
class FlagSignals {

    private final JdbcTemplate template;

    FlagSignals(JdbcTemplate template) {
        this.template = template;
    }

    /** A flag as stored, with what intake decided. {@code caseNumber} when it opened or joined a case. */
    record Signal(String flagId, LocalDate receivedOn, Instant receivedAt, long listingPk, String decision,
                  int priority, boolean exploration, String caseNumber, boolean merged, String receivedBy,
                  String payload) {
    }

    void insert(List<Signal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        List<Signal> sorted = signals.stream().sorted(Comparator.comparing(Signal::flagId)).toList();
        ArraySql.update(template, """
                insert into flag_signal (received_on, flag_id, received_at, listing_pk, decision, priority, exploration,
                                         case_number, merged, received_by, payload)
                select d, f, a, l, de, p, e, c, m, b, cast(j as json)
                from unnest(?::date[], ?::varchar[], ?::timestamptz[], ?::int8[], ?::varchar[], ?::int2[], ?::bool[],
                            ?::varchar[], ?::bool[], ?::varchar[], ?::text[]) as t(d, f, a, l, de, p, e, c, m, b, j)""",
                ArraySql.of("date", sorted, s -> Date.valueOf(s.receivedOn())), ArraySql.of("varchar", sorted, Signal::flagId),
                ArraySql.of("timestamptz", sorted, s -> Timestamp.from(s.receivedAt())),
                ArraySql.of("int8", sorted, Signal::listingPk), ArraySql.of("varchar", sorted, Signal::decision),
                ArraySql.of("int2", sorted, s -> (short) s.priority()), ArraySql.of("bool", sorted, Signal::exploration),
                ArraySql.of("varchar", sorted, Signal::caseNumber), ArraySql.of("bool", sorted, Signal::merged),
                ArraySql.of("varchar", sorted, Signal::receivedBy), ArraySql.of("text", sorted, Signal::payload));
    }

    /** A flag id and a day it may have been received on. */
    record Candidate(String flagId, LocalDate day) {
    }

    /**
     * @return the flags on record among the candidates, by flag id. Each candidate is one
     *         index probe into its day's partition (pruned at run time), never a scan of all days.
     */
    Map<String, Signal> find(Collection<Candidate> candidates) {
        Map<String, Signal> found = new HashMap<>();
        if (candidates.isEmpty()) {
            return found;
        }
        List<Candidate> list = List.copyOf(candidates);
        ArraySql.query(template, """
                select s.* from flag_signal s
                join unnest(?::varchar[], ?::date[]) as t(f, d) on s.flag_id = t.f and s.received_on = t.d""",
                (rs, i) -> found.put(rs.getString("flag_id"), signal(rs)),
                ArraySql.of("varchar", list, Candidate::flagId), ArraySql.of("date", list, c -> Date.valueOf(c.day())));
        return found;
    }

    /** A flag by id, whatever its day (one probe per retained day: for a single lookup). */
    Optional<Signal> find(String flagId) {
        return template.query("select * from flag_signal where flag_id = ? order by received_on limit 1",
                (rs, i) -> signal(rs), flagId).stream().findFirst();
    }

    private static Signal signal(ResultSet rs) throws SQLException {
        return new Signal(rs.getString("flag_id"), rs.getDate("received_on").toLocalDate(),
                rs.getTimestamp("received_at").toInstant(), rs.getLong("listing_pk"), rs.getString("decision"),
                rs.getInt("priority"), rs.getBoolean("exploration"), rs.getString("case_number"),
                rs.getBoolean("merged"), rs.getString("received_by"), rs.getString("payload"));
    }
}
