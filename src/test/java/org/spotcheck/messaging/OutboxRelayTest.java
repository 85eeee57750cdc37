package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Kafka out of reach delays events; it neither loses them nor fails the case. */
class OutboxRelayTest extends IntegrationTest {

    @Autowired
    private OutboxRelay relay;
    @Autowired
    private TransactionTemplate tx;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate template;

    private DefaultKafkaProducerFactory<String, byte[]> unreachable;

    @org.junit.jupiter.api.AfterEach
    void closeProducer() {
        if (unreachable != null) {
            unreachable.destroy();
        }
    }

    private OutboxRelay relayToUnreachableKafka() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        unreachable = new DefaultKafkaProducerFactory<>(config);
        return new OutboxRelay(jdbc, template, tx,
                new KafkaTemplate<>(unreachable), json, 200);
    }

    private Map<String, Object> firstEventOf(String caseNumber) {
        return jdbc.sql("""
                select sent_at, attempts, last_error from outbox_event where subject = :c order by seq limit 1""")
                .param("c", caseNumber).query().singleRow();
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsUnreachableAndLeaveOnceItIsBack() {
        relay.relay(); // whatever earlier tests left behind
        Api.Response created = api().post("/api/cases", "intake", Flags.highRisk().toString());
        assertThat(created.status()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();

        relayToUnreachableKafka().relay();

        Map<String, Object> pending = firstEventOf(caseNumber);
        assertThat(pending.get("sent_at")).isNull();
        assertThat((Integer) pending.get("attempts")).isEqualTo(1);
        assertThat((String) pending.get("last_error")).isNotBlank();

        relay.relay();

        Map<String, Object> sent = firstEventOf(caseNumber);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("last_error")).isNull();
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :c and sent_at is null")
                .param("c", caseNumber).query(Long.class).single()).isZero();
    }
}
