package org.spotcheck.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.spotcheck.db.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code outbox_event}: the events {@link Outbox} appends, and the relay's side, rows still
 * to send, in order, and what became of each send.
 */
@Component
class OutboxRows {

    private static final long RELAY_LOCK = 0x5907_0B0FL;
    private static final int MAX_ERROR_CHARS = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OutboxRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An event to append, its data as JSON. */
    record NewRow(UUID eventId, String topic, String eventKey, String type, String subject, String data) {
    }

    /** Appends the events in one statement, in list order (their sequence numbers follow it). */
    void appendAll(List<NewRow> rows) {
        ArraySql.update(template, """
                insert into outbox_event (event_id, topic, event_key, type, subject, data)
                select i, t, k, y, s, cast(d as json)
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])
                     with ordinality as e(i, t, k, y, s, d, n)
                order by n""", ArraySql.of("uuid", rows, NewRow::eventId), ArraySql.of("varchar", rows, NewRow::topic),
                ArraySql.of("varchar", rows, NewRow::eventKey), ArraySql.of("varchar", rows, NewRow::type),
                ArraySql.of("varchar", rows, NewRow::subject), ArraySql.of("text", rows, NewRow::data));
    }

    void append(NewRow row) {
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, type, subject, data)
                values (:id, :topic, :key, :type, :subject, cast(:data as json))""")
                .param("id", row.eventId()).param("topic", row.topic()).param("key", row.eventKey())
                .param("type", row.type()).param("subject", row.subject()).param("data", row.data())
                .update();
    }

    /** @return whether an event of this type whose data has this value at {@code field} is held */
    boolean holds(String type, String field, String value) {
        return jdbc.sql("select exists (select 1 from outbox_event where type = :type and data ->> :field = :value)")
                .param("type", type).param("field", field).param("value", value).query(Boolean.class).single();
    }

    record Row(long seq, UUID eventId, String topic, String eventKey, String type, String subject,
               OffsetDateTime occurredAt, String data, int attempts) {
    }

    /** One relay at a time across all nodes, until the caller's transaction ends. */
    boolean tryLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                .query(Boolean.class).single();
    }

    /** Unsent, unparked rows after {@code seq}, oldest first. */
    List<Row> unsentAfter(long seq, int limit) {
        return jdbc.sql("""
                select seq, event_id, topic, event_key, type, subject, occurred_at, data::text as data, attempts
                from outbox_event where sent_at is null and parked_at is null and seq > :after
                order by seq limit :n""")
                .param("after", seq).param("n", limit).query(Row.class).list();
    }

    /** One statement for all delivered rows: the relay keeps up with batched intake. */
    void markSent(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            ArraySql.update(template, """
                    update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null
                    where seq = any(?::int8[])""", ArraySql.of("int8", seqs));
        }
    }

    void markFailed(long seq, String error, boolean park) {
        String reason = error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
        jdbc.sql("""
                update outbox_event set attempts = attempts + 1, last_error = :err,
                       parked_at = case when :park then now() end, park_reason = case when :park then :err end
                where seq = :seq""")
                .param("err", reason).param("park", park).param("seq", seq).update();
    }

    /**
     * The first event that occurred at or after the cutoff: everything before it in sequence order is
     * older. Found by walking the primary key from its start, where purging leaves only young rows, so
     * the purge needs no index of its own (and the relay's updates stay cheap).
     */
    long firstSeqSince(java.time.Instant cutoff) {
        return jdbc.sql("select seq from outbox_event where occurred_at >= :cutoff order by seq limit 1")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).query(Long.class).optional().orElse(Long.MAX_VALUE);
    }

    /** What waits in the outbox: unsent rows and when the oldest occurred (null for none), parked rows. */
    record Backlog(long unsent, java.time.Instant oldestUnsent, long parked) {
    }

    /** Three small reads, each through the partial index of its rows ({@code outbox_unsent}, {@code outbox_parked}). */
    Backlog backlog() {
        long unsent = jdbc.sql("select count(*) from outbox_event where sent_at is null and parked_at is null")
                .query(Long.class).single();
        java.time.Instant oldest = jdbc.sql("""
                select occurred_at from outbox_event where sent_at is null and parked_at is null
                order by seq limit 1""").query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                .orElse(null);
        long parked = jdbc.sql("select count(*) from outbox_event where parked_at is not null")
                .query(Long.class).single();
        return new Backlog(unsent, oldest, parked);
    }

    /** Deletes up to {@code limit} sent events before {@code bound}, oldest first; unsent and parked ones stay. */
    int deleteSentBefore(long bound, int limit) {
        return jdbc.sql("delete from outbox_event where seq in (select seq from outbox_event where seq < :bound"
                        + " and sent_at is not null order by seq limit :n)")
                .param("bound", bound).param("n", limit).update();
    }
}
