package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.KafkaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka out of reach delays events; it neither loses them nor fails the case. An event
 * that fails for a reason of its own is parked after max-attempts (3 in the test profile)
 * and holds up only the later events of its key, until it is parked; what was delivered
 * is not sent again.
 */
class OutboxRelayTest extends IntegrationTest {

    private static final int MAX_ATTEMPTS = 3;

    @Autowired
    private OutboxRelay relay;
    @Autowired
    private Outbox outbox;
    @Autowired
    private TransactionTemplate tx;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate template;

    private DefaultKafkaProducerFactory<String, byte[]> producers;
    private TopicCheck topicCheck;

    @AfterEach
    void closeClients() {
        if (producers != null) {
            producers.destroy();
        }
        if (topicCheck != null) {
            topicCheck.destroy();
        }
    }

    /** A relay of this test's own, to another cluster. */
    private OutboxRelay relayTo(String brokers, int maxAttempts) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        producers = new DefaultKafkaProducerFactory<>(config);
        topicCheck = new TopicCheck(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), Duration.ofMillis(500));
        return new OutboxRelay(new OutboxRows(jdbc, template), tx, new KafkaTemplate<>(producers), topicCheck, json,
                meters, 200, maxAttempts);
    }

    private Map<String, Object> firstEventOf(String caseNumber) {
        return jdbc.sql("""
                select sent_at, attempts, last_error, parked_at from outbox_event where subject = :c order by seq limit 1""")
                .param("c", caseNumber).query().singleRow();
    }

    private UUID append(String topic, String key, Map<String, ?> data) {
        return tx.execute(status -> outbox.append(topic, key, "spotcheck.test.relayed", key, data));
    }

    private Map<String, Object> row(UUID eventId) {
        return jdbc.sql("select sent_at, attempts, last_error, parked_at, park_reason from outbox_event where event_id = :id")
                .param("id", eventId).query().singleRow();
    }

    private double parked(String topic) {
        Counter counter = meters.find(OutboxRelay.PARKED_METRIC).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsUnreachableAndLeaveOnceItIsBack() {
        relay.relay(); // whatever earlier tests left behind
        Api.Response created = api().post("/api/cases", "intake", Flags.highRisk().toString());
        assertThat(created.status()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();

        relayTo("localhost:1", 1).relay(); // parks after one attempt, if the failure were the event's own

        Map<String, Object> pending = firstEventOf(caseNumber);
        assertThat(pending.get("sent_at")).isNull();
        assertThat((Integer) pending.get("attempts")).isEqualTo(1);
        assertThat((String) pending.get("last_error")).isNotBlank();
        assertThat(pending.get("parked_at")).as("Kafka away is nobody's event's fault").isNull();

        relay.relay();

        Map<String, Object> sent = firstEventOf(caseNumber);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("last_error")).isNull();
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :c and sent_at is null")
                .param("c", caseNumber).query(Long.class).single()).isZero();
    }

    @Test
    void poisonEventsAreParkedAfterMaxAttemptsWithTheirReasonAndTheEventsAroundThemAreDeliveredOnce() throws Exception {
        relay.relay();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String smallTopic = "spotcheck.test-small-" + run; // takes 2 KB: the broker, not the producer, refuses more
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBrokers()))) {
            admin.createTopics(List.of(new NewTopic(smallTopic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "2000")))).all().get();
        }
        double parkedBefore = parked(Topics.CASE_EVENTS) + parked(smallTopic) + parked("spotcheck.no such topic");

        UUID before = append(Topics.CASE_EVENTS, "before-" + run, Map.of("n", 1));
        UUID tooLarge = append(Topics.CASE_EVENTS, "large-" + run, Map.of("blob", "x".repeat(1_100_000)));
        UUID refused = append(smallTopic, "refused-" + run, Map.of("blob", "x".repeat(5_000)));
        UUID badTopic = append("spotcheck.no such topic", "bad-" + run, Map.of("n", 2));
        UUID after = append(Topics.CASE_EVENTS, "after-" + run, Map.of("n", 3));

        relay.relay();

        assertThat(row(before).get("sent_at")).isNotNull();
        assertThat(row(after).get("sent_at")).as("the event after the poison").isNotNull();
        assertThat((String) row(tooLarge).get("last_error")).contains("RecordTooLargeException");
        assertThat((String) row(refused).get("last_error")).contains("RecordTooLargeException");
        assertThat((String) row(badTopic).get("last_error")).contains("InvalidTopicException");
        for (UUID poison : List.of(tooLarge, refused, badTopic)) {
            assertThat((Integer) row(poison).get("attempts")).isEqualTo(1);
            assertThat(row(poison).get("parked_at")).isNull();
        }

        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            relay.relay();
        }
        relay.relay(); // once parked, left alone

        for (UUID poison : List.of(tooLarge, refused, badTopic)) {
            Map<String, Object> parked = row(poison);
            assertThat(parked.get("parked_at")).isNotNull();
            assertThat((Integer) parked.get("attempts")).isEqualTo(MAX_ATTEMPTS);
            assertThat((String) parked.get("park_reason")).isEqualTo(parked.get("last_error")).isNotBlank();
            assertThat(parked.get("sent_at")).isNull();
        }
        assertThat(parked(Topics.CASE_EVENTS) + parked(smallTopic) + parked("spotcheck.no such topic"))
                .isEqualTo(parkedBefore + 3);
        List<ConsumerRecord<String, String>> delivered = KafkaClient.readToEnd(kafkaBrokers(), Topics.CASE_EVENTS,
                r -> r.key() != null && r.key().endsWith("-" + run));
        assertThat(delivered).extracting(ConsumerRecord::key)
                .as("each delivered once, although an event failed between them on every run")
                .containsExactlyInAnyOrder("before-" + run, "after-" + run);
    }

    @Test
    void anEventForATopicTheClusterDoesNotHaveIsParkedAfterMaxAttemptsAndOtherTopicsGoOn() {
        relay.relay();
        String run = UUID.randomUUID().toString().substring(0, 8);
        EmbeddedKafkaKraftBroker strict = new EmbeddedKafkaKraftBroker(1, 1, Topics.CASE_EVENTS);
        strict.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        strict.afterPropertiesSet();
        try {
            OutboxRelay toStrict = relayTo(strict.getBrokersAsString(), MAX_ATTEMPTS);
            UUID missing = append("spotcheck.never-created-" + run, "missing-" + run, Map.of("n", 1));
            UUID good = append(Topics.CASE_EVENTS, "good-" + run, Map.of("n", 2));

            for (int i = 0; i < MAX_ATTEMPTS; i++) {
                toStrict.relay();
            }

            assertThat(row(good).get("sent_at")).isNotNull();
            assertThat(row(missing).get("parked_at")).isNotNull();
            assertThat((String) row(missing).get("park_reason"))
                    .startsWith("unknown topic spotcheck.never-created-" + run);
            assertThat(KafkaClient.readToEnd(strict.getBrokersAsString(), Topics.CASE_EVENTS,
                    r -> ("good-" + run).equals(r.key()))).hasSize(1);
        } finally {
            strict.destroy();
        }
    }

    @Test
    void aLaterEventOfAKeyWaitsUntilTheOneBeforeItIsDeliveredOrParkedWhileOtherKeysGoOn() throws Exception {
        relay.relay();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // takes 20 KB: the broker, not the producer (max.request.size 1 MB), refuses the 30 KB event, after the
        // others of the run were sent. Above batch.size (16 KB): a producer batch of several small events never
        // exceeds it, and the large event travels in a batch of its own, refused alone
        String topic = "spotcheck.test-order-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBrokers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "20000")))).all().get();
        }
        String caseKey = "case-" + run;
        String steadyKey = "steady-" + run;
        UUID steady1 = append(topic, steadyKey, Map.of("n", 1));
        UUID tooLarge = append(topic, caseKey, Map.of("blob", "x".repeat(30_000)));
        UUID second = append(topic, caseKey, Map.of("n", 2));
        UUID steady2 = append(topic, steadyKey, Map.of("n", 2));
        UUID third = append(topic, caseKey, Map.of("n", 3));
        UUID steady3 = append(topic, steadyKey, Map.of("n", 3));

        relay.relay();

        assertThat((String) row(tooLarge).get("last_error")).as("refused by the broker")
                .contains("RecordTooLargeException");
        for (UUID later : List.of(second, third)) {
            assertThat(row(later).get("sent_at")).as("a later event of the key must not overtake the failed one")
                    .isNull();
            assertThat((Integer) row(later).get("attempts")).as("not even tried").isZero();
        }
        for (UUID other : List.of(steady1, steady2, steady3)) {
            assertThat(row(other).get("sent_at")).as("another key goes on, all its events in one run").isNotNull();
        }

        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            relay.relay();
            assertThat(row(second).get("sent_at")).as("still waiting after run %d", i + 1).isNull();
        }
        assertThat(row(tooLarge).get("parked_at")).isNotNull();

        relay.relay(); // the parked event no longer holds up its key

        assertThat(row(second).get("sent_at")).isNotNull();
        assertThat(row(third).get("sent_at")).isNotNull();
        assertThat(KafkaClient.readToEnd(kafkaBrokers(), topic, r -> true))
                .extracting(r -> r.key() + " " + json.readTree(r.value()).get("data").path("n").asInt())
                .as("each delivered once, in order per key; the parked one never")
                .containsSubsequence(caseKey + " 2", caseKey + " 3")
                .containsSubsequence(steadyKey + " 1", steadyKey + " 2", steadyKey + " 3")
                .hasSize(5);
    }
}
