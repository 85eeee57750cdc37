package org.spotcheck.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
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
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, type, subject, data)
                values (:id, :topic, :key, :type, :subject, cast(:data as jsonb))""")
                .param("id", id).param("topic", topic).param("key", key)
                .param("type", type).param("subject", subject).param("data", toJson(data))
                .update();
        return id;
    }

    private String toJson(Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }
}
