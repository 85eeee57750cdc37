package org.spotcheck.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What goes to {@code <topic>.DLT} for a message: its original key and bytes, or, when
 * those would not fit in one producer request, only the first {@value #EXCERPT_BYTES}
 * bytes with the original's size and SHA-256 (header {@link DeadLetters#TRUNCATED}), so
 * dead-lettering never fails for the message's size and the partition carries on.
 */
final class DeadLetterRecord {

    static final int EXCERPT_BYTES = 4096;
    static final int MAX_REASON_CHARS = 1000;
    /** Record and batch framing beyond key, value and headers; generous, as the estimate is ours. */
    private static final int FRAMING_BYTES = 512;

    private DeadLetterRecord() {
    }

    /** The consumed message as it came: key (already text), value bytes, where it was. */
    record Origin(String topic, int partition, long offset, String key, byte[] value) {

        static Origin of(ConsumerRecord<?, ?> record) {
            Object value = record.value();
            byte[] bytes = value == null ? null
                    : value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
            return new Origin(record.topic(), record.partition(), record.offset(),
                    record.key() == null ? null : record.key().toString(), bytes);
        }
    }

    static ProducerRecord<String, byte[]> of(Origin origin, String reason, int maxRecordBytes) {
        ProducerRecord<String, byte[]> whole = record(origin, origin.key(), origin.value(), reason);
        return size(whole) <= maxRecordBytes ? whole : excerpt(origin, reason);
    }

    static ProducerRecord<String, byte[]> excerpt(Origin origin, String reason) {
        byte[] value = origin.value() == null ? null
                : Arrays.copyOf(origin.value(), Math.min(EXCERPT_BYTES, origin.value().length));
        String key = origin.key() == null || origin.key().length() <= EXCERPT_BYTES ? origin.key()
                : origin.key().substring(0, EXCERPT_BYTES);
        ProducerRecord<String, byte[]> excerpt = record(origin, key, value, reason);
        excerpt.headers().add(DeadLetters.TRUNCATED, bytes("true"));
        return excerpt;
    }

    static boolean isExcerpt(ProducerRecord<String, byte[]> record) {
        return record.headers().lastHeader(DeadLetters.TRUNCATED) != null;
    }

    private static ProducerRecord<String, byte[]> record(Origin origin, String key, byte[] value, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(origin.topic() + ".DLT", key, value);
        dead.headers().add(DeadLetters.REASON, bytes(reason.length() <= MAX_REASON_CHARS ? reason
                : reason.substring(0, MAX_REASON_CHARS)));
        dead.headers().add(DeadLetters.ORIGINAL_TOPIC, bytes(origin.topic()));
        dead.headers().add(DeadLetters.ORIGINAL_PARTITION, bytes(Integer.toString(origin.partition())));
        dead.headers().add(DeadLetters.ORIGINAL_OFFSET, bytes(Long.toString(origin.offset())));
        if (origin.value() != null) {
            dead.headers().add(DeadLetters.ORIGINAL_SIZE, bytes(Integer.toString(origin.value().length)));
            dead.headers().add(DeadLetters.ORIGINAL_SHA256, bytes(sha256(origin.value())));
        }
        return dead;
    }

    private static long size(ProducerRecord<String, byte[]> record) {
        long size = FRAMING_BYTES + (record.value() == null ? 0 : record.value().length)
                + (record.key() == null ? 0 : bytes(record.key()).length);
        for (Header header : record.headers()) {
            size += bytes(header.key()).length + header.value().length + 8;
        }
        return size;
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
