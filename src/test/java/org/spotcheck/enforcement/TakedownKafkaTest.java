package org.spotcheck.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.springframework.beans.factory.annotation.Autowired;

/** A flag all the way to COUNTERFEIT, and the platform reads the takedown from Kafka. */
class TakedownKafkaTest extends CaseFlows {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private org.spotcheck.messaging.TestRelay relay;

    @Test
    void theTakedownCommandReachesThePlatformTopicKeyedByShop() throws Exception {
        var flag = Flags.decidedAs("TEST_BUY");
        String shop = Flags.listing(flag).get("shopId").asText();
        Case c = atVerification(flag);
        verdict(c, "rh-acme", "COUNTERFEIT", "ACME-K-1");
        runJobs(c);
        relay.relay();

        List<ConsumerRecord<String, String>> commands = read(Topics.PLATFORM_COMMANDS, shop);

        assertThat(commands).hasSize(1);
        JsonNode event = JSON.readTree(commands.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("spotcheck.platform.TAKE_DOWN_LISTING");
        assertThat(event.at("/data/command").asText()).isEqualTo("TAKE_DOWN_LISTING");
        assertThat(event.at("/data/caseNumber").asText()).isEqualTo(c.number());
        assertThat(event.at("/data/listingId").asText()).isEqualTo(Flags.listing(flag).get("listingId").asText());
        assertThat(UUID.fromString(event.at("/data/commandId").asText())).isNotNull();
    }

    private List<ConsumerRecord<String, String>> read(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBrokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
