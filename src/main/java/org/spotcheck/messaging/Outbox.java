package org.spotcheck.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.spotcheck.db.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event
 * exists exactly when the state change that caused it was committed.
 * {@link OutboxRelay} publishes them afterwards.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** One event of a batch for {@link #appendAll}. */
    public record Event(String topic, String key, String type, String subject, Map<String, ?> data) {
    }

    /** Many events in one statement, in list order (their sequence numbers follow it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> topics = new ArrayList<>(events.size());
        List<String> keys = new ArrayList<>(events.size());
        List<String> types = new ArrayList<>(events.size());
        List<String> subjects = new ArrayList<>(events.size());
        List<String> data = new ArrayList<>(events.size());
        for (Event event : events) {
            ids.add(UUID.randomUUID());
            topics.add(event.topic());
            keys.add(event.key());
            types.add(event.type());
            subjects.add(event.subject());
            data.add(toJson(event.data()));
        }
        ArraySql.update(template, """
                insert into outbox_event (event_id, topic, event_key, type, subject, data)
                select i, t, k, y, s, cast(d as json)
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])
                     with ordinality as e(i, t, k, y, s, d, n)
                order by n""", ArraySql.of("uuid", ids), ArraySql.of("varchar", topics), ArraySql.of("varchar", keys),
                ArraySql.of("varchar", types), ArraySql.of("varchar", subjects), ArraySql.of("text", data));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, type, subject, data)
                values (:id, :topic, :key, :type, :subject, cast(:data as json))""")
                .param("id", id).param("topic", topic).param("key", key)
                .param("type", type).param("subject", subject).param("data", toJson(data))
                .update();
        return id;
    }

    /** @return whether an event of this type whose data has this value at {@code field} is held (sent or not, until purged) */
    public boolean holds(String type, String field, String value) {
        return jdbc.sql("select exists (select 1 from outbox_event where type = :type and data ->> :field = :value)")
                .param("type", type).param("field", field).param("value", value).query(Boolean.class).single();
    }

    private String toJson(Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }
}
