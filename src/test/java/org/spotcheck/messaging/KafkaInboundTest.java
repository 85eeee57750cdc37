package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotcheck.support.KafkaClient.await;
import static org.spotcheck.support.KafkaClient.header;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
import org.spotcheck.support.Tasks;

/** The inbound topics, as other systems use them: same rules as REST, poison to the DLT, redelivery harmless. */
class KafkaInboundTest extends CaseFlows {

    private long casesOfListing(String listingId) {
        return jdbc.sql("select count(*) from spot_case where listing_id = :l").param("l", listingId)
                .query(Long.class).single();
    }

    private long flagsOfListing(String listingId) {
        return jdbc.sql("select count(*) from flag f join spot_case c on c.id = f.case_pk where c.listing_id = :l")
                .param("l", listingId).query(Long.class).single();
    }

    @Test
    void flagsFromKafkaBecomeCasesAndARedeliveryChangesNothing() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        String listing = Flags.listing(flag).get("listingId").asText();
        String key = "taobao:" + listing;
        ObjectNode second = Flags.decidedAs("TEST_BUY");
        Flags.listing(second).setAll(Flags.listing(flag));

        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, key, flag.toString());
        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, key, flag.toString()); // redelivered
        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, key, second.toString()); // another flag, same listing

        await("both flags on one case", () -> flagsOfListing(listing) == 2);
        assertThat(casesOfListing(listing)).isEqualTo(1);
        String caseNumber = jdbc.sql("select case_number from spot_case where listing_id = :l").param("l", listing)
                .query(String.class).single();
        assertThat(api().get("/api/cases/" + caseNumber, "analyst").json().at("/timeline/0/actor").asText())
                .isEqualTo("kafka");
    }

    @Test
    void aHighRiskFlagFromKafkaIsStoredAtOnceAndItsProcessStartsInAJobOfItsOwn() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        String listing = Flags.listing(flag).get("listingId").asText();

        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, "taobao:" + listing, flag.toString());

        await("the case stored", () -> casesOfListing(listing) == 1);
        String caseNumber = jdbc.sql("select case_number from spot_case where listing_id = :l").param("l", listing)
                .query(String.class).single();
        // intake's transaction holds no budget and runs no step: the case waits for its start job
        assertThat(view(caseNumber).get("status").asText()).isEqualTo("TRIAGE");
        String process = jdbc.sql("select process_instance_id from spot_case where case_number = :c")
                .param("c", caseNumber).query(String.class).single();
        org.camunda.bpm.engine.runtime.Job start = engine.getManagementService().createJobQuery()
                .processInstanceId(process).singleResult();
        assertThat(start.getRetries()).isPositive();

        engine.getManagementService().executeJob(start.getId()); // as the job executor does

        assertThat(view(caseNumber).get("status").asText()).isEqualTo("AWAITING_PURCHASE");
    }

    private com.fasterxml.jackson.databind.JsonNode view(String caseNumber) {
        return api().get("/api/cases/" + caseNumber, "analyst").json();
    }

    @Test
    void poisonFlagsGoToTheDltWithTheReasonAndTheConsumerCarriesOn() {
        String marker = UUID.randomUUID().toString();
        ObjectNode invalid = Flags.decidedAs("TEST_BUY");
        Flags.signals(invalid).put("riskScore", 7);
        ObjectNode valid = Flags.decidedAs("TEST_BUY");

        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, marker, "{not json " + marker);
        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, marker, invalid.toString());
        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, marker, valid.toString());

        await("the valid flag after the poison", () -> casesOfListing(Flags.listing(valid).get("listingId").asText()) == 1);
        List<ConsumerRecord<String, String>> dead = KafkaClient.read(kafkaBrokers(), Topics.FLAGS + ".DLT",
                r -> marker.equals(r.key()), 2);
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), DeadLetters.REASON)).startsWith("not a valid flag JSON");
        assertThat(header(dead.get(1), DeadLetters.REASON)).contains("signals.riskScore");
        assertThat(header(dead.get(1), DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.FLAGS);
        assertThat(Long.parseLong(header(dead.get(1), DeadLetters.ORIGINAL_OFFSET)))
                .isGreaterThan(Long.parseLong(header(dead.get(0), DeadLetters.ORIGINAL_OFFSET)));
        assertThat(header(dead.get(0), DeadLetters.ORIGINAL_PARTITION)).isNotBlank();
        assertThat(casesOfListing(Flags.listing(invalid).get("listingId").asText())).isZero();
    }

    @Test
    void verdictsFromKafkaFollowTheRoutingRule() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));
        String genuine = "{\"caseNumber\": \"" + c.number() + "\", \"verifierId\": \"rh-acme\", \"verdict\": \"GENUINE\","
                + " \"reportReference\": \"K-1\"}";
        String wrongVerifier = "{\"caseNumber\": \"" + c.number() + "\", \"verifierId\": \"lab-cqi\", \"verdict\": \"COUNTERFEIT\","
                + " \"reportReference\": \"K-2\"}";
        // a verdict is given by name: 0 is not COUNTERFEIT (the enum's first constant)
        String numbered = "{\"caseNumber\": \"" + c.number() + "\", \"verifierId\": \"rh-acme\", \"verdict\": 0,"
                + " \"reportReference\": \"K-0\"}";

        KafkaClient.send(kafkaBrokers(), Topics.VERIFICATION_RESULTS, c.number(), numbered);
        KafkaClient.send(kafkaBrokers(), Topics.VERIFICATION_RESULTS, c.number(), wrongVerifier);
        KafkaClient.send(kafkaBrokers(), Topics.VERIFICATION_RESULTS, c.number(), genuine);
        KafkaClient.send(kafkaBrokers(), Topics.VERIFICATION_RESULTS, c.number(), genuine); // redelivered

        await("the genuine verdict", () -> "GENUINE".equals(view(c).get("outcome").asText()));
        List<ConsumerRecord<String, String>> dead = KafkaClient.read(kafkaBrokers(), Topics.VERIFICATION_RESULTS + ".DLT",
                r -> c.number().equals(r.key()), 2);
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), DeadLetters.REASON)).startsWith("not a valid verification result JSON");
        assertThat(header(dead.get(1), DeadLetters.REASON)).contains("not routed to verifier lab-cqi");
        assertThat(view(c).get("timeline").toString().split("Verdict GENUINE", -1)).hasSize(2);
    }

    @Test
    void outcomesFromKafkaAddUpAndUnknownReferralsAreDeadLettered() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "COSMETICS");
        Case c = counterfeit(flag);
        String referralId = view(c).at("/referral/referralId").asText();
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getId();
        Tasks.complete(api(), task, "liaison", Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction", "Zhejiang",
                "summary", "fake cosmetics"));

        String report = "{\"referralId\": \"" + referralId + "\", \"arrests\": 2, \"sitesClosed\": 1,"
                + " \"seizedValueCny\": 1000, \"closed\": false}";
        KafkaClient.send(kafkaBrokers(), Topics.ENFORCEMENT_OUTCOMES, referralId, report);
        KafkaClient.send(kafkaBrokers(), Topics.ENFORCEMENT_OUTCOMES, "RF-1999-000001",
                "{\"referralId\": \"RF-1999-000001\", \"arrests\": 1, \"sitesClosed\": 0, \"seizedValueCny\": 0, \"closed\": false}");

        await("the outcome on the case", () -> view(c).at("/referral/arrests").asInt() == 2);
        List<ConsumerRecord<String, String>> dead = KafkaClient.read(kafkaBrokers(), Topics.ENFORCEMENT_OUTCOMES + ".DLT",
                r -> "RF-1999-000001".equals(r.key()), 1);
        assertThat(header(dead.get(0), DeadLetters.REASON)).isEqualTo("unknown referral RF-1999-000001");
    }
}
