package org.spotcheck.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.spotcheck.platform.ArraySql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unsent outbox rows to Kafka as CloudEvents (structured JSON mode) and
 * marks them sent. One relay at a time across all nodes (a PostgreSQL advisory
 * lock), so events leave in the order they were written. Kafka being down only
 * delays events: rows stay unsent and are retried on the next poll.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5907_0B0FL;
    static final String SOURCE = "/spotcheck";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final int batchSize;

    OutboxRelay(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka,
                ObjectMapper json, @Value("${spotcheck.outbox.batch-size:1000}") int batchSize) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.kafka = kafka;
        this.json = json;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${spotcheck.outbox.poll-millis:500}")
    void relay() {
        Integer sent;
        do {
            sent = tx.execute(status -> relayBatch());
        } while (sent != null && sent == batchSize);
    }

    private int relayBatch() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                .query(Boolean.class).single();
        if (!locked) {
            return 0;
        }
        List<Row> rows = jdbc.sql("""
                select seq, event_id, topic, event_key, type, subject, occurred_at, data::text as data
                from outbox_event where sent_at is null order by seq limit :n""")
                .param("n", batchSize).query(Row.class).list();
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                sends.add(kafka.send(record(row)));
            } catch (RuntimeException e) {
                // the producer refuses synchronously when it cannot reach the cluster
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(rows.size());
        for (int i = 0; i < sends.size(); i++) {
            Row row = rows.get(i);
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // keep order: nothing after the first failure is marked sent
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String reason = cause.toString();
                jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :err where seq = :seq")
                        .param("err", truncate(reason)).param("seq", row.seq()).update();
                log.warn("Outbox event {} not delivered yet ({}); will retry", row.eventId(), reason);
                break;
            }
            delivered.add(row.seq());
        }
        if (!delivered.isEmpty()) { // one statement for the batch: the relay keeps up with batched intake
            ArraySql.update(template, """
                    update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null
                    where seq = any(?::int8[])""", ArraySql.of("int8", delivered));
        }
        return delivered.size() == rows.size() ? delivered.size() : 0;
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", row.eventId().toString());
        event.put("source", SOURCE);
        event.put("type", row.type());
        if (row.subject() != null) {
            event.put("subject", row.subject());
        }
        event.put("time", row.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        event.put("datacontenttype", "application/json");
        event.set("data", readTree(row.data()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.eventKey(),
                event.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private JsonNode readTree(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException("outbox row holds invalid JSON", e);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    record Row(long seq, UUID eventId, String topic, String eventKey, String type, String subject,
               OffsetDateTime occurredAt, String data) {
    }
}
