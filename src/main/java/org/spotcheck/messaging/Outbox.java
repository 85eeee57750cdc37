package org.spotcheck.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event
 * exists exactly when the state change that caused it was committed.
 * {@link OutboxRelay} publishes them afterwards. The SQL is {@link OutboxRows}'.
 */
@Component
public class Outbox {

    private final OutboxRows rows;
    private final ObjectMapper json;

    Outbox(OutboxRows rows, ObjectMapper json) {
        this.rows = rows;
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
        List<OutboxRows.NewRow> appended = new ArrayList<>(events.size());
        for (Event event : events) {
            appended.add(new OutboxRows.NewRow(UUID.randomUUID(), event.topic(), event.key(), event.type(),
                    event.subject(), toJson(event.data())));
        }
        rows.appendAll(appended);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        rows.append(new OutboxRows.NewRow(id, topic, key, type, subject, toJson(data)));
        return id;
    }

    /** @return whether an event of this type whose data has this value at {@code field} is held (sent or not, until purged) */
    public boolean holds(String type, String field, String value) {
        return rows.holds(type, field, value);
    }

    private String toJson(Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }
}
