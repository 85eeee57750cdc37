package org.spotcheck.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 * PostgreSQL advisory lock), rows in the order they were written. Events of a key (a case)
 * never leave out of order: a row is sent only once Kafka acknowledged every earlier unsent
 * row of its key in this run, so a row that fails, whether the producer refuses it at once
 * or the broker later, waits for the next run together with all later rows of its key;
 * other keys go on, in parallel. Kafka or a partition being away only delays events. A row
 * failing for a reason of its own (too large, its topic invalid, refused or unknown) is
 * parked after {@code spotcheck.outbox.max-attempts} attempts, with an ERROR log and the
 * counter {@value #PARKED_METRIC}; from the next run on it no longer holds up its key (the
 * later rows go out without it: that is what parking is for). Runs on a thread of its own
 * ({@link OutboxRelaySchedule}).
 * <p>Size: ordering per key, acknowledgement and parking are one protocol over the same rows
 * and the same run; apart, each half would be wrong on its own.
 */
@Component
class OutboxRelay {

    static final String SOURCE = "/spotcheck";
    private static final URI SOURCE_URI = URI.create(SOURCE);
    static final String PARKED_METRIC = "spotcheck.outbox.parked";
    /** Beyond the producer's delivery.timeout.ms: a send not answered by then counts as failed (transient). */
    private static final long SEND_TIMEOUT_SECONDS = 30;
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
        } while (read != null && read == batchSize && !Thread.currentThread().isInterrupted());
    }

    /** What one run learnt: topics refused before sending, keys that failed (their later rows wait for next run). */
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

    /** A send under way, or refused by the producer before it was sent ({@code refusal}). */
    private record Attempt(Row row, CompletableFuture<?> send, RuntimeException refusal) {
        boolean refusedAtOnce() {
            return refusal != null;
        }
    }

    /** What a send came to: its failure, null once Kafka acknowledged it. */
    private record Outcome(Attempt attempt, Throwable failure) {
    }

    /** What one batch came to: rows Kafka acknowledged, and the failures that were not parked. */
    private static final class Tally {
        final List<Long> delivered = new ArrayList<>();
        int failed;
        String firstFailure;
    }

    /**
     * Sends the batch key by key: the first row of each key at once (keys go in parallel),
     * each later row only once Kafka acknowledged the one before it. A send that fails ends
     * its key for this run, so a row never overtakes an earlier one of its key, whether the
     * producer refuses it at once or the broker later. Sends, and all that touches the
     * database, stay on this thread; the producer's callbacks only hand outcomes over.
     */
    private int relayBatch(Run run) {
        // Size: one run of the relay protocol (read, send in key order, acknowledge, park), kept in one piece
        if (!rows.tryLock()) {
            return 0;
        }
        List<Row> batch = rows.unsentAfter(run.after, batchSize);
        Map<List<String>, Deque<Row>> keys = new LinkedHashMap<>();
        for (Row row : batch) {
            keys.computeIfAbsent(Run.key(row), key -> new ArrayDeque<>()).add(row);
        }
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Tally tally = new Tally();
        int inFlight = 0;
        for (Deque<Row> key : keys.values()) {
            inFlight += sendNext(key, run, outcomes, tally);
        }
        while (inFlight > 0) {
            Outcome outcome;
            try {
                outcome = outcomes.take(); // every send completes: acknowledged, failed, or timed out below
            } catch (InterruptedException e) {
                // shutting down: what was acknowledged is marked, the rest is sent again next time
                Thread.currentThread().interrupt();
                break;
            }
            inFlight--;
            Row row = outcome.attempt().row();
            if (outcome.failure() == null) {
                tally.delivered.add(row.seq());
                inFlight += sendNext(keys.get(Run.key(row)), run, outcomes, tally);
            } else {
                failed(outcome, run, tally); // its later rows wait for the next run
            }
        }
        rows.markSent(tally.delivered);
        if (tally.failed > 0) {
            log.warn("{} outbox event(s) not delivered yet, {} delivered; will retry (first: {})", tally.failed,
                    tally.delivered.size(), tally.firstFailure);
        }
        if (!batch.isEmpty()) {
            run.after = batch.get(batch.size() - 1).seq();
        }
        return batch.size();
    }

    /** Sends the next row of a key unless the key waits. @return 1 if a send is now in flight, else 0 */
    private int sendNext(Deque<Row> key, Run run, BlockingQueue<Outcome> outcomes, Tally tally) {
        Row row = key.poll();
        if (row == null || run.waits(row)) {
            key.clear(); // the key is done for this run, or waits for the next one
            return 0;
        }
        Attempt attempt = send(row);
        if (attempt.refusedAtOnce()) {
            if (DeliveryFailure.of(attempt.refusal()) != DeliveryFailure.RECORD) {
                // no metadata for the topic, typically: each of its rows would block max.block.ms for the same answer
                run.refusedTopics.add(row.topic());
            }
            failed(new Outcome(attempt, attempt.refusal()), run, tally);
            key.clear();
            return 0;
        }
        attempt.send().orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((result, failure) ->
                outcomes.add(new Outcome(attempt, failure == null ? null : unwrap(failure))));
        return 1;
    }

    private void failed(Outcome outcome, Run run, Tally tally) {
        run.failedKeys.add(Run.key(outcome.attempt().row()));
        String retried = failed(outcome.attempt(), outcome.failure(), run);
        if (retried != null) {
            tally.failed++;
            tally.firstFailure = tally.firstFailure == null ? retried : tally.firstFailure;
        }
    }

    private Attempt send(Row row) {
        try {
            return new Attempt(row, kafka.send(record(row)), null);
        } catch (RuntimeException e) {
            // the template throws what the producer refuses before sending: no metadata, too large
            return new Attempt(row, null, e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return (failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null ? failure.getCause() : failure;
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
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.eventId().toString())
                .withSource(SOURCE_URI)
                .withType(row.type())
                .withSubject(row.subject())
                .withTime(row.occurredAt())
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(readTree(row.data())))
                .build();
        return KafkaMessageFactory.createWriter(row.topic(), row.eventKey()).writeStructured(event, JsonFormat.CONTENT_TYPE);
    }

    private JsonNode readTree(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new DeliveryFailure.UnreadableEvent("outbox row holds invalid JSON", e);
        }
    }
}
