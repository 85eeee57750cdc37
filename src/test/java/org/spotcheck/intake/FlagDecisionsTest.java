package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.KafkaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Every flag's decision reaches spotcheck.flag-decisions at least once, in commit order, none skipped. */
class FlagDecisionsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private FlagDecisionRelay relay;
    @Autowired
    private IntakeService intake;
    @Autowired
    private FlagMapper mapper;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcTemplate template;

    private Map<String, JsonNode> published(Set<String> flagIds) {
        List<ConsumerRecord<String, String>> records = KafkaClient.read(kafkaBrokers(), Topics.FLAG_DECISIONS,
                r -> flagIds.contains(r.key()), flagIds.size());
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> read(r.value()), (a, b) -> a));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long position() {
        return jdbc.sql("select tx from relay_position where relay = 'flag-decisions'").query(Long.class).single();
    }

    @Test
    void everyFlagsDecisionIsPublishedWithItsCaseIfAny() {
        ObjectNode signal = Flags.decidedAs("MONITOR");
        ObjectNode opener = Flags.decidedAs("TEST_BUY");
        ObjectNode joiner = Flags.decidedAs("DISMISS");
        Flags.listing(joiner).setAll(Flags.listing(opener));
        api().post("/api/cases", "intake", signal.toString());
        String caseNumber = api().post("/api/cases", "intake", opener.toString()).json().get("caseNumber").asText();
        api().post("/api/cases", "intake", joiner.toString());
        api().post("/api/cases", "intake", signal.toString()); // a resend: no second decision

        relay.relay();

        Map<String, JsonNode> decisions = published(Set.of(signal.get("flagId").asText(), opener.get("flagId").asText(),
                joiner.get("flagId").asText()));
        JsonNode monitored = decisions.get(signal.get("flagId").asText());
        assertThat(monitored.get("decision").asText()).isEqualTo("MONITOR");
        assertThat(monitored.get("listingKey").asText()).isEqualTo(Flags.listing(signal).get("platform").asText() + ":"
                + Flags.listing(signal).get("listingId").asText());
        assertThat(monitored.get("exploration").asBoolean()).isFalse();
        assertThat(monitored.has("caseNumber")).isFalse();
        assertThat(decisions.get(opener.get("flagId").asText()).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(decisions.get(joiner.get("flagId").asText()).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(KafkaClient.readToEnd(kafkaBrokers(), Topics.FLAG_DECISIONS,
                r -> r.key().equals(signal.get("flagId").asText()))).as("the resend added nothing").hasSize(1);
    }

    @Test
    void aBatchThatCommitsLateIsPublishedNotSkipped() throws Exception {
        ObjectNode slow = Flags.decidedAs("DISMISS");
        ObjectNode quick = Flags.decidedAs("DISMISS");
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slowBatch = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            intake.receiveAll(List.of(newFlag(slow)), "test"); // written first, so with the lower transaction id
            stored.countDown();
            await(commit);
        }));
        assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
        api().post("/api/cases", "intake", quick.toString()); // written later, committed first

        relay.relay(); // the slow batch is still open: nothing at or after it is published yet
        commit.countDown();
        slowBatch.get(30, TimeUnit.SECONDS);
        relay.relay();

        Map<String, JsonNode> decisions = published(Set.of(slow.get("flagId").asText(), quick.get("flagId").asText()));
        assertThat(decisions).containsOnlyKeys(slow.get("flagId").asText(), quick.get("flagId").asText());
    }

    @Test
    void decisionsCommittedButNotPublishedWhenTheRelayFailsAreSentLater() {
        ObjectNode flag = Flags.decidedAs("MONITOR");
        api().post("/api/cases", "intake", flag.toString());
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> brokerAway = mock(KafkaTemplate.class);
        when(brokerAway.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("away")));
        FlagDecisionRelay failing = new FlagDecisionRelay(template, transactions, brokerAway, JSON, 5000);
        long tx = jdbc.sql("select tx from flag_signal where flag_id = :f").param("f", flag.get("flagId").asText())
                .query(Long.class).single();

        assertThatThrownBy(failing::relay).hasMessageContaining("not acknowledged");
        assertThat(position()).as("the position stays at or before the unpublished flag").isLessThanOrEqualTo(tx);

        relay.relay(); // the next run (this node again, or another one)
        assertThat(published(Set.of(flag.get("flagId").asText()))).hasSize(1);
        assertThat(position()).isGreaterThan(tx);
    }

    private org.spotcheck.intake.domain.NewFlag newFlag(ObjectNode flag) {
        try {
            return mapper.toNewFlag(JSON.readValue(flag.toString(), FlagRequest.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
