package org.spotcheck.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.db.TransientFailures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * Messages that cannot be processed go to {@code <topic>.DLT}, with headers naming the
 * reason and the original topic, partition and offset; the consumer carries on. Values
 * are bytes and go there as they came (see {@link DeadLetterRecord} for those too large
 * to forward). Failures of our own infrastructure (database briefly away) are not the
 * message's fault: those are rethrown, the container retries them with a bounded
 * back-off ({@link KafkaConsumerConfig}) and then {@link #park parks} the message here.
 * Every dead letter counts in the metric {@value #METRIC}, tagged by topic and cause.
 */
@Component
public class DeadLetters {

    public static final String METRIC = "spotcheck.kafka.dead-letters";
    public static final String REASON = "dlt-reason";
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";
    public static final String ORIGINAL_SIZE = "dlt-original-size";
    public static final String ORIGINAL_SHA256 = "dlt-original-sha256";
    /** Present (value {@code true}) when the DLT holds only the first bytes of the message. */
    public static final String TRUNCATED = "dlt-truncated";

    /** Why a message was dead-lettered: the {@code cause} tag of {@value #METRIC}. */
    enum Cause {
        REJECTED("rejected"), FAILED("failed"), RETRIES_EXHAUSTED("retries-exhausted");

        final String tag;

        Cause(String tag) {
            this.tag = tag;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576; // Kafka's producer default

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final int maxRecordBytes;

    @Autowired
    DeadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this(kafka, meters, maxRequestSize(kafka));
    }

    DeadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, int maxRecordBytes) {
        this.kafka = kafka;
        this.meters = meters;
        this.maxRecordBytes = maxRecordBytes;
        // every series from zero, so a dashboard's increase() sees the first dead letter too
        for (String topic : Topics.INBOUND) {
            for (Cause cause : Cause.values()) {
                counter(topic, cause);
            }
        }
    }

    /** Handles one consumed message as text: poison goes to the DLT, transient failures propagate. */
    public void handle(ConsumerRecord<String, byte[]> record, Consumer<String> processing) {
        handle(record, () -> processing.accept(text(record)));
    }

    /** Handles one consumed message: poison goes to the DLT, transient failures propagate. */
    public void handle(ConsumerRecord<String, byte[]> record, Runnable processing) {
        try {
            processing.run();
        } catch (RejectedMessage e) {
            reject(record, e.getMessage());
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            log.error("Message {}-{}@{} failed", record.topic(), record.partition(), record.offset(), e);
            send(record, "processing failed: " + describe(e), Cause.FAILED);
        }
    }

    /** The message itself is unacceptable: to the DLT with the reason. */
    public void reject(ConsumerRecord<String, byte[]> record, String reason) {
        send(record, reason, Cause.REJECTED);
    }

    /** The container gave up retrying a transient failure: the message is parked in the DLT with an alert. */
    void park(ConsumerRecord<?, ?> record, Exception failure, Duration retriedFor) {
        log.error("Message {}-{}@{} still failing after retrying for {}; parked in {}.DLT", record.topic(),
                record.partition(), record.offset(), retriedFor, record.topic(), failure);
        send(record, "still failing after retries for " + retriedFor + ": " + describe(failure),
                Cause.RETRIES_EXHAUSTED);
    }

    /** The value as UTF-8 text, strictly: a malformed byte rejects the message rather than becoming U+FFFD. */
    public static String text(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            throw new RejectedMessage("empty message");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(value);
        CharBuffer out = CharBuffer.allocate(value.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RejectedMessage("not valid UTF-8 (byte " + in.position() + " of " + value.length + ")");
        }
        return out.flip().toString();
    }

    /** The classification REST shares ({@link TransientFailures}). */
    public static boolean isTransient(Throwable e) {
        return TransientFailures.isTransient(e);
    }

    /** Exception types and SQL state, never messages: those may quote the message's content. */
    static String describe(Throwable e) {
        Throwable shown = e;
        while ((shown instanceof ListenerExecutionFailedException || shown instanceof BatchListenerFailedException)
                && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String state = null;
        Throwable root = shown;
        for (Throwable t = shown; t != null; t = t.getCause()) {
            root = t;
            if (state == null && t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        StringBuilder text = new StringBuilder(shown.getClass().getSimpleName());
        if (root != shown) {
            text.append(" (").append(root.getClass().getSimpleName());
            if (state != null) {
                text.append(' ').append(state);
            }
            text.append(')');
        }
        return text.toString();
    }

    private void send(ConsumerRecord<?, ?> record, String reason, Cause cause) {
        DeadLetterRecord.Origin origin = DeadLetterRecord.Origin.of(record);
        ProducerRecord<String, byte[]> dead = DeadLetterRecord.of(origin, reason, maxRecordBytes);
        try {
            // the offset is committed only after the DLT has the message: nothing is lost
            try {
                kafka.send(dead).get(30, TimeUnit.SECONDS);
            } catch (Exception e) { // the template throws what the producer refuses at once, e.g. over max.request.size
                if (!causedBy(e, RecordTooLargeException.class) || DeadLetterRecord.isExcerpt(dead)) {
                    throw e;
                }
                // the DLT topic takes less than the producer sends (its max.message.bytes)
                dead = DeadLetterRecord.excerpt(origin, reason);
                kafka.send(dead).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        counter(record.topic(), cause).increment();
        if (cause == Cause.REJECTED) {
            log.warn("Message {}-{}@{} sent to {}.DLT{}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic(), DeadLetterRecord.isExcerpt(dead) ? " (excerpt)" : "", reason);
        }
    }

    private Counter counter(String topic, Cause cause) {
        return Counter.builder(METRIC)
                .description("Messages sent to <topic>.DLT, by the topic they came from and why")
                .tags("topic", topic, "cause", cause.tag).register(meters);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int maxRequestSize(KafkaTemplate<String, byte[]> kafka) {
        try {
            Object configured = kafka.getProducerFactory().getConfigurationProperties()
                    .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
            return configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.toString());
        } catch (UnsupportedOperationException e) {
            return DEFAULT_MAX_REQUEST_SIZE;
        }
    }

    /** The message itself is unacceptable: bad JSON, failed validation, unknown or not-waiting target. */
    public static class RejectedMessage extends RuntimeException {
        public RejectedMessage(String reason) {
            super(reason);
        }
    }
}
