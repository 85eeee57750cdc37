package org.spotcheck.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.messaging.OutboxRows.Row;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unsent outbox rows to Kafka as CloudEvents (structured JSON mode) and marks
 * each row sent once Kafka acknowledged it. One relay at a time across all nodes (a
 * PostgreSQL advisory lock), rows in the order they were written. A row that fails waits
 * for the next run, and so do the later rows of its key (events of a case stay in order);
 * all else goes on. Kafka or a partition being away only delays events. A row failing
 * for a reason of its own (too large, its topic invalid, refused or unknown) is parked
 * after {@code spotcheck.outbox.max-attempts} attempts, with an ERROR log and the counter
 * {@value #PARKED_METRIC}. Runs on a thread of its own ({@link OutboxRelaySchedule}).
 */
@Component
class OutboxRelay {

    static final String SOURCE = "/spotcheck";
    static final String PARKED_METRIC = "spotcheck.outbox.parked";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicCheck topics;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final int batchSize;
    private final int maxAttempts;

    OutboxRelay(OutboxRows rows, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka, TopicCheck topics,
                ObjectMapper json, MeterRegistry meters, @Value("${spotcheck.outbox.batch-size:1000}") int batchSize,
                @Value("${spotcheck.outbox.max-attempts:10}") int maxAttempts) {
        this.rows = rows;
        this.tx = tx;
        this.kafka = kafka;
        this.topics = topics;
        this.json = json;
        this.meters = meters;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    /** Sends every row it may, a batch per transaction, until a batch comes back short. */
    void relay() {
        Run run = new Run();
        Integer read;
        do {
            read = tx.execute(status -> relayBatch(run));
        } while (read != null && read == batchSize);
    }

    /** What one run learnt: topics refused before sending, keys that failed (their later rows wait). */
    private static final class Run {
        long after;
        final Set<String> refusedTopics = new HashSet<>();
        final Set<List<String>> failedKeys = new HashSet<>();
        final Map<String, Boolean> unknownTopics = new HashMap<>();

        boolean waits(Row row) {
            return refusedTopics.contains(row.topic()) || failedKeys.contains(key(row));
        }

        static List<String> key(Row row) {
            return List.of(row.topic(), row.eventKey());
        }
    }

    private record Attempt(Row row, CompletableFuture<?> send, boolean refusedAtOnce) {
    }

    private int relayBatch(Run run) {
        if (!rows.tryLock()) {
            return 0;
        }
        List<Row> batch = rows.unsentAfter(run.after, batchSize);
        List<Attempt> attempts = new ArrayList<>(batch.size());
        for (Row row : batch) {
            if (run.waits(row)) {
                continue;
            }
            Attempt attempt = send(row);
            attempts.add(attempt);
            if (attempt.refusedAtOnce()) {
                run.failedKeys.add(Run.key(row));
                if (DeliveryFailure.of(failure(attempt)) != DeliveryFailure.RECORD) {
                    // no metadata for the topic, typically: each of its rows would block max.block.ms for the same answer
                    run.refusedTopics.add(row.topic());
                }
            }
        }
        List<Long> delivered = new ArrayList<>(attempts.size());
        int failed = 0;
        String firstFailure = null;
        for (Attempt attempt : attempts) {
            Throwable failure = failure(attempt);
            if (failure == null) {
                delivered.add(attempt.row().seq());
                continue;
            }
            run.failedKeys.add(Run.key(attempt.row()));
            String retried = failed(attempt, failure, run);
            if (retried != null) {
                failed++;
                firstFailure = firstFailure == null ? retried : firstFailure;
            }
        }
        rows.markSent(delivered);
        if (failed > 0) {
            log.warn("{} outbox event(s) not delivered yet, {} delivered; will retry (first: {})", failed,
                    delivered.size(), firstFailure);
        }
        if (!batch.isEmpty()) {
            run.after = batch.get(batch.size() - 1).seq();
        }
        return batch.size();
    }

    private Attempt send(Row row) {
        try {
            return new Attempt(row, kafka.send(record(row)), false);
        } catch (RuntimeException e) {
            // the template throws what the producer refuses before sending: no metadata, too large
            return new Attempt(row, CompletableFuture.failedFuture(e), true);
        }
    }

    /** The send's failure, or null once Kafka acknowledged it. */
    private static Throwable failure(Attempt attempt) {
        try {
            attempt.send().get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    /** Counts the attempt and parks the row if it failed for a reason of its own too often. @return the reason, null if parked */
    private String failed(Attempt attempt, Throwable failure, Run run) {
        Row row = attempt.row();
        DeliveryFailure kind = DeliveryFailure.of(failure);
        String reason = rootOf(failure).toString();
        if (kind == DeliveryFailure.TRANSIENT && attempt.refusedAtOnce()
                && run.unknownTopics.computeIfAbsent(row.topic(), topics::isUnknown)) {
            kind = DeliveryFailure.TOPIC;
            reason = "unknown topic " + row.topic() + ": " + reason;
        }
        boolean park = kind.permanent() && row.attempts() + 1 >= maxAttempts;
        rows.markFailed(row.seq(), reason, park);
        if (park) {
            log.error("Outbox event {} ({} to {}) parked after {} attempts: {}", row.eventId(), row.type(),
                    row.topic(), row.attempts() + 1, reason);
            meters.counter(PARKED_METRIC, "topic", row.topic()).increment();
            return null;
        }
        return reason;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
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
            throw new DeliveryFailure.UnreadableEvent("outbox row holds invalid JSON", e);
        }
    }
}
