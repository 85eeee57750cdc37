package org.spotcheck.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
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

        List<ConsumerRecord<String, String>> commands = KafkaClient.read(kafkaBrokers(), Topics.PLATFORM_COMMANDS,
                r -> shop.equals(r.key()) && r.value().contains("TAKE_DOWN_LISTING"), 1);

        assertThat(commands).hasSize(1);
        JsonNode event = JSON.readTree(commands.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("spotcheck.platform.TAKE_DOWN_LISTING");
        assertThat(event.at("/data/command").asText()).isEqualTo("TAKE_DOWN_LISTING");
        assertThat(event.at("/data/caseNumber").asText()).isEqualTo(c.number());
        assertThat(event.at("/data/listingId").asText()).isEqualTo(Flags.listing(flag).get("listingId").asText());
        assertThat(UUID.fromString(event.at("/data/commandId").asText())).isNotNull();
    }

}
