package org.spotcheck.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.platform.TransientFailures;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages that cannot be processed go to {@code <topic>.DLT}, with headers naming the
 * reason and the original topic, partition and offset; the consumer carries on. Failures
 * of our own infrastructure (database briefly away) are not the message's fault: those
 * are rethrown, and the container retries them with back-off instead.
 */
@Component
public class DeadLetters {

    public static final String REASON = "dlt-reason";
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final KafkaTemplate<String, String> kafka;

    DeadLetters(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Handles one consumed message: poison goes to the DLT, transient failures propagate. */
    public void handle(ConsumerRecord<String, String> record, Runnable processing) {
        try {
            processing.run();
        } catch (RejectedMessage e) {
            send(record, e.getMessage());
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            log.error("Message {}-{}@{} failed", record.topic(), record.partition(), record.offset(), e);
            send(record, "processing failed: " + e.getClass().getSimpleName());
        }
    }

    /** The classification REST shares ({@link TransientFailures}). */
    public static boolean isTransient(Throwable e) {
        return TransientFailures.isTransient(e);
    }

    void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".DLT", record.key(), record.value());
        dead.headers().add(REASON, bytes(reason));
        dead.headers().add(ORIGINAL_TOPIC, bytes(record.topic()));
        dead.headers().add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        dead.headers().add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        try {
            // the offset is committed only after the DLT has the message: nothing is lost
            kafka.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        log.warn("Message {}-{}@{} sent to {}.DLT: {}", record.topic(), record.partition(), record.offset(),
                record.topic(), reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The message itself is unacceptable: bad JSON, failed validation, unknown or not-waiting target. */
    public static class RejectedMessage extends RuntimeException {
        public RejectedMessage(String reason) {
            super(reason);
        }
    }
}
