package org.spotcheck.cases;

import java.util.List;
import org.spotcheck.db.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code timeline_entry}: the cases' timelines, written by {@link CaseJournal} alone. */
@Repository
class JournalStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JournalStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A timeline entry as stored (its text bounded already). */
    record Line(long casePk, String stage, String actor, String text) {
    }

    /** Many entries in one statement, in list order. */
    void appendAll(List<Line> lines) {
        ArraySql.update(template, """
                insert into timeline_entry (case_pk, at, stage, actor, text)
                select c, clock_timestamp(), s, a, t
                from unnest(?::int8[], ?::varchar[], ?::varchar[], ?::varchar[]) with ordinality as e(c, s, a, t, n)
                order by n""", ArraySql.of("int8", lines, Line::casePk), ArraySql.of("varchar", lines, Line::stage),
                ArraySql.of("varchar", lines, Line::actor), ArraySql.of("varchar", lines, Line::text));
    }

    void append(Line line) {
        // clock_timestamp(): entries of one transaction keep their real order in time
        jdbc.sql("""
                insert into timeline_entry (case_pk, at, stage, actor, text)
                values (:case, clock_timestamp(), :stage, :actor, :text)""")
                .param("case", line.casePk()).param("stage", line.stage()).param("actor", line.actor())
                .param("text", line.text()).update();
    }

    java.util.Set<String> actors(long casePk) {
        return new java.util.TreeSet<>(jdbc.sql("select distinct actor from timeline_entry where case_pk = :case")
                .param("case", casePk).query(String.class).list());
    }
}
