package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * What an operator finds in a DLT for messages too large to forward whole: the first
 * bytes, the original's size and SHA-256, the reason. Against a mock producer whose
 * limits are set per test (the broker's default limits would need megabyte messages).
 */
class DeadLettersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** What reached the DLT. */
    private final List<ProducerRecord<String, byte[]>> delivered = new java.util.ArrayList<>();

    /**
     * Dead letters sent through producers that, like a DLT topic with a lower {@code max.message.bytes},
     * refuse larger values (the template closes its producer after each send: a new one every time).
     */
    private DeadLetters deadLetters(int dltTakesBytes, int maxRequestBytes) {
        MockProducerFactory<String, byte[]> producers = new MockProducerFactory<>(() ->
                new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record,
                                                                    Callback callback) {
                        if (record.value() != null && record.value().length > dltTakesBytes) {
                            RecordTooLargeException refused = new RecordTooLargeException("over max.message.bytes");
                            callback.onCompletion(null, refused);
                            return CompletableFuture.failedFuture(refused);
                        }
                        delivered.add(record);
                        return super.send(record, callback);
                    }
                });
        return new DeadLetters(new KafkaTemplate<>(producers), meters, maxRequestBytes);
    }

    private static ConsumerRecord<String, byte[]> consumed(byte[] value) {
        return new ConsumerRecord<>(Topics.FLAGS, 2, 41L, "taobao:L-1", value);
    }

    private static byte[] large() {
        byte[] value = new byte[400 * 1024];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31);
        }
        return value;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void assertExcerptOf(ProducerRecord<String, byte[]> dead, byte[] original) throws Exception {
        assertThat(dead.topic()).isEqualTo(Topics.FLAGS + ".DLT");
        assertThat(dead.key()).isEqualTo("taobao:L-1");
        assertThat(dead.value()).isEqualTo(Arrays.copyOf(original, DeadLetterRecord.EXCERPT_BYTES));
        assertThat(header(dead, DeadLetters.TRUNCATED)).isEqualTo("true");
        assertThat(header(dead, DeadLetters.ORIGINAL_SIZE)).isEqualTo(Integer.toString(original.length));
        assertThat(header(dead, DeadLetters.ORIGINAL_SHA256))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)));
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("not a flag");
        assertThat(header(dead, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("41");
    }

    @Test
    void aMessageLargerThanTheProducerMaySendGoesToTheDltAsItsFirstBytesWithItsSizeAndHash() throws Exception {
        byte[] original = large();

        deadLetters(Integer.MAX_VALUE, 100_000).reject(consumed(original), "not a flag");

        assertThat(delivered).hasSize(1);
        assertExcerptOf(delivered.get(0), original);
        assertThat(meters.counter(DeadLetters.METRIC, "topic", Topics.FLAGS, "cause", "rejected").count()).isEqualTo(1);
    }

    @Test
    void aMessageTheDltTopicRefusesAsTooLargeIsSentAgainAsAnExcerpt() throws Exception {
        byte[] original = large();

        deadLetters(100_000, 1_048_576).reject(consumed(original), "not a flag");

        assertThat(delivered).hasSize(1); // the refused send never reached the topic
        assertExcerptOf(delivered.get(0), original);
    }

    @Test
    void aMessageThatFitsGoesToTheDltByteForByte() {
        byte[] original = large();

        deadLetters(Integer.MAX_VALUE, 1_048_576).reject(consumed(original), "not a flag");

        assertThat(delivered).hasSize(1);
        ProducerRecord<String, byte[]> dead = delivered.get(0);
        assertThat(dead.value()).isEqualTo(original);
        assertThat(dead.headers().lastHeader(DeadLetters.TRUNCATED)).isNull();
        assertThat(header(dead, DeadLetters.ORIGINAL_SIZE)).isEqualTo(Integer.toString(original.length));
    }

    @Test
    void valuesAreDecodedStrictly() {
        String text = "Acme 精华 50ml \uD83E\uDDF4"; // three- and four-byte characters
        assertThat(DeadLetters.text(consumed(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);

        for (byte[] bad : List.of(new byte[] {'{', (byte) 0xC3, 0x28, '}'}, new byte[] {(byte) 0xFF},
                new byte[] {'"', (byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            assertThatThrownBy(() -> DeadLetters.text(consumed(bad))).as(Arrays.toString(bad))
                    .isInstanceOf(DeadLetters.RejectedMessage.class).hasMessageStartingWith("not valid UTF-8");
        }
        assertThatThrownBy(() -> DeadLetters.text(consumed(null))).hasMessage("empty message");
    }
}
