package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.KafkaClient;

/** Events leave through the outbox and arrive on the real broker. */
class CaseEventsKafkaTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private OutboxRelay relay;

    @Test
    void aPostedFlagIsPublishedAsCaseFlaggedCloudEventKeyedByCaseNumber() throws Exception {
        Api.Response created = api().post("/api/cases", "intake", Flags.highRisk().toString());
        String caseNumber = created.json().get("caseNumber").asText();
        relay.relay();

        List<ConsumerRecord<String, String>> events = eventsOf(caseNumber, 5);

        assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo(caseNumber));
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, String> e : events) {
            values.add(JSON.readTree(e.value()));
        }
        assertThat(values).extracting(v -> v.get("type").asText())
                .containsExactly("spotcheck.case.flagged", "spotcheck.case.triaged", "spotcheck.case.persona-assigned",
                        "spotcheck.case.budget-reserved", "spotcheck.case.status-changed");
        JsonNode flagged = values.get(0);
        assertThat(flagged.get("specversion").asText()).isEqualTo("1.0");
        assertThat(flagged.get("source").asText()).isEqualTo("/spotcheck");
        assertThat(flagged.get("subject").asText()).isEqualTo(caseNumber);
        assertThat(UUID.fromString(flagged.get("id").asText())).isNotNull();
        assertThat(Instant.parse(flagged.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(flagged.at("/data/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(flagged.at("/data/riskScore").decimalValue()).isEqualByComparingTo("0.91");
        assertThat(new String(events.get(0).headers().lastHeader("content-type").value()))
                .isEqualTo("application/cloudevents+json");
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :c and sent_at is null")
                .param("c", caseNumber).query(Long.class).single()).isZero();
    }

    private List<ConsumerRecord<String, String>> eventsOf(String caseNumber, int expected) {
        List<ConsumerRecord<String, String>> found = KafkaClient.read(kafkaBrokers(), Topics.CASE_EVENTS,
                r -> caseNumber.equals(r.key()), expected);
        assertThat(found).as("events of " + caseNumber + " on " + Topics.CASE_EVENTS).hasSize(expected);
        return found;
    }
}
