package org.spotcheck.messaging;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** Why an outbox event did not reach Kafka, and so whether sending it again can help. */
enum DeliveryFailure {
    /** The event itself (too large, not serialisable): parked after max-attempts, the others go on. */
    RECORD,
    /** Its topic (invalid name, refused, unknown to the cluster): parked after max-attempts, the other topics go on. */
    TOPIC,
    /** Kafka or a partition away for now: sent again until it is back, never parked. */
    TRANSIENT;

    boolean permanent() {
        return this != TRANSIENT;
    }

    static DeliveryFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof UnreadableEvent) {
                return RECORD;
            }
            if (t instanceof InvalidTopicException || t instanceof TopicAuthorizationException) {
                return TOPIC;
            }
        }
        return TRANSIENT;
    }

    /** An outbox row that cannot be made into an event (its data does not parse). */
    static class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
