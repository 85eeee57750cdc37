package org.spotcheck.standing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifier standing over generated histories of notices: an accurate reporter earns good
 * faith (its flags bought first), a sloppy one stays normal, an abusive one is warned and
 * then suspended (its flags refused with the reason and the end date, at every door).
 */
class NotifierStandingTest extends CaseFlows {

    @Autowired
    private NotifierStanding standing;
    @Autowired
    private TransactionTemplate tx;

    /** A reporter's history: notices filed, then test buys and verdicts on them, in the order given. */
    private ReporterRecord history(String reporter, long notices, int counterfeit, int genuine) {
        tx.executeWithoutResult(s -> standing.noticesReceived(Map.of(reporter, notices), Map.of()));
        ReporterRecord last = null;
        for (int i = 0; i < counterfeit + genuine; i++) {
            standing.record(reporter, CaseEvent.TEST_BUY);
            // a sloppy or abusive reporter's few hits come first: the misses pile up after
            last = standing.record(reporter, i < counterfeit ? CaseEvent.COUNTERFEIT : CaseEvent.GENUINE);
        }
        return last;
    }

    private static String reporter(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> eventsOf(String reporter) {
        return jdbc.sql("select type from outbox_event where subject = :r order by occurred_at").param("r", reporter)
                .query(String.class).list();
    }

    private ObjectNode flagFrom(String reporter, double riskScore) {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        flag.put("reporterId", reporter).put("source", "RIGHTS_HOLDER_REPORT");
        Flags.signals(flag).put("riskScore", riskScore);
        return flag;
    }

    @Test
    void anAccurateReporterEarnsGoodFaithAndItsPlausibleNoticesAreBoughtFirst() {
        String accurate = reporter("accurate");

        ReporterRecord record = history(accurate, 25, 24, 1);

        assertThat(record.standing()).isEqualTo(Standing.GOOD_FAITH);
        assertThat(record.counterfeitShare()).isEqualTo(0.96);
        assertThat(record.testBuys()).isEqualTo(25);
        // a risk score the model alone would only watch
        Api.Response ordinary = api().post("/api/cases", "intake", flagFrom(reporter("unknown"), 0.35).toString());
        Api.Response trusted = api().post("/api/cases", "intake", flagFrom(accurate, 0.35).toString());
        assertThat(ordinary.status()).isEqualTo(200);
        assertThat(ordinary.json().get("decision").asText()).isEqualTo("MONITOR");
        assertThat(trusted.status()).as(trusted.body()).isEqualTo(201);
        assertThat(trusted.json().get("decision").asText()).isEqualTo("TEST_BUY");
        assertThat(api().get("/api/cases/" + trusted.json().get("caseNumber").asText(), "analyst").json()
                .at("/triage/priority").asInt()).isEqualTo(1);
    }

    @Test
    void aSloppyReporterStaysNormal() {
        ReporterRecord record = history(reporter("sloppy"), 30, 6, 6);

        assertThat(record.standing()).isEqualTo(Standing.NORMAL);
        assertThat(record.verdicts()).isEqualTo(12);
    }

    @Test
    void anAbusiveReporterIsWarnedThenSuspendedAndItsFlagsAreRefusedAtEveryDoor() {
        String abusive = reporter("abusive");

        ReporterRecord warned = history(abusive, 40, 1, 11);
        assertThat(warned.standing()).isEqualTo(Standing.WARNED);
        assertThat(warned.reason()).contains("Frequently unfounded", "10 verdicts on 40 notices", "1 counterfeit (10 %)");
        assertThat(eventsOf(abusive)).containsExactly("spotcheck.reporter.warned");
        ObjectNode heard = flagFrom(abusive, 0.91);
        Api.Response stillHeard = api().post("/api/cases", "intake", heard.toString());
        assertThat(stillHeard.status()).isEqualTo(201); // a warning refuses nothing

        ReporterRecord suspended = null;
        for (int i = 0; i < 3; i++) {
            suspended = standing.record(abusive, CaseEvent.GENUINE);
        }
        assertThat(suspended.standing()).isEqualTo(Standing.SUSPENDED);
        assertThat(suspended.suspendedUntil()).isCloseTo(OffsetDateTime.now().plusDays(90), within(1, ChronoUnit.HOURS));
        assertThat(eventsOf(abusive)).containsExactly("spotcheck.reporter.warned", "spotcheck.reporter.suspended");

        ObjectNode refused = flagFrom(abusive, 0.91);
        Api.Response one = api().post("/api/cases", "intake", refused.toString());
        assertThat(one.status()).isEqualTo(403);
        assertThat(one.isProblem()).isTrue();
        assertThat(one.json().get("detail").asText()).contains(abusive, "suspended until", "after a warning");
        assertThat(OffsetDateTime.parse(one.json().get("suspendedUntil").asText())).isEqualTo(suspended.suspendedUntil());
        ObjectNode other = Flags.decidedAs("TEST_BUY");
        Api.Response batch = api().post("/api/flags", "intake", "{\"flags\": [" + refused + ", " + other + "]}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().at("/results/0/errors/0/field").asText()).isEqualTo("reporterId");
        assertThat(batch.json().at("/results/0/errors/0/message").asText()).contains("suspended until");
        assertThat(batch.json().at("/results/1/caseNumber").asText()).startsWith("CF-");
        assertThat(api().get("/api/flags/" + refused.get("flagId").asText(), "analyst").status()).isEqualTo(404);

        String marker = "standing-" + UUID.randomUUID();
        KafkaClient.send(kafkaBrokers(), Topics.FLAGS, marker, flagFrom(abusive, 0.91).toString());
        List<ConsumerRecord<String, String>> dead = KafkaClient.read(kafkaBrokers(), Topics.FLAGS + ".DLT",
                r -> marker.equals(r.key()), 1);
        assertThat(dead).hasSize(1);
        assertThat(KafkaClient.header(dead.get(0), DeadLetters.REASON)).contains("suspended until");
        assertThat(standing.find(abusive).orElseThrow().notices()).isEqualTo(41); // the one heard while warned

        JsonNode shown = api().get("/api/reporters/" + abusive, "analyst").json();
        assertThat(shown.get("standing").asText()).isEqualTo("SUSPENDED");
        assertThat(shown.get("genuine").asInt()).isEqualTo(14);
        assertThat(shown.get("suspendedUntil").asText()).isNotBlank();
        Api.Response resent = api().post("/api/cases", "intake", heard.toString());
        assertThat(resent.status()).as("a flag on record is answered as the first time").isEqualTo(200);
        assertThat(resent.json().get("caseNumber").asText()).isEqualTo(stillHeard.json().get("caseNumber").asText());
    }

    @Test
    void aSuspensionEndsOnItsDateAndTheReporterIsJudgedAfreshFromThen() {
        String abusive = reporter("abusive");
        history(abusive, 40, 1, 11);
        ReporterRecord suspended = null;
        for (int i = 0; i < 3; i++) {
            suspended = standing.record(abusive, CaseEvent.GENUINE);
        }
        assertThat(suspended.standing()).isEqualTo(Standing.SUSPENDED);
        jdbc.sql("update reporter_standing set suspended_until = now() - interval '1 second' where reporter_id = :r")
                .param("r", abusive).update();

        ReporterRecord after = standing.record(abusive, CaseEvent.COUNTERFEIT);

        assertThat(after.standing()).as("lifetime counts alone would suspend it again").isEqualTo(Standing.WARNED);
        assertThat(api().post("/api/cases", "intake", flagFrom(abusive, 0.91).toString()).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            after = standing.record(abusive, CaseEvent.GENUINE);
        }
        assertThat(after.standing()).as("one counterfeit in six verdicts since the suspension").isEqualTo(Standing.SUSPENDED);
    }

    @Test
    void reversalsOnAppealWarnAReporter() {
        String careless = reporter("careless");
        history(careless, 5, 5, 0);

        standing.record(careless, CaseEvent.REVERSED);
        standing.record(careless, CaseEvent.REVERSED);
        ReporterRecord warned = standing.record(careless, CaseEvent.REVERSED);

        assertThat(warned.standing()).isEqualTo(Standing.WARNED);
        assertThat(warned.reason()).contains("3 reversed on appeal");
    }

    @Test
    void aCaseCountsForTheReportersWhoseNoticesItRestsOn() {
        String reporter = reporter("rh");
        ObjectNode flag = flagFrom(reporter, 0.91);
        Flags.listing(flag).put("brand", "Acme").put("category", "APPAREL");

        counterfeit(flag);

        JsonNode shown = api().get("/api/reporters/" + reporter, "intake").json();
        assertThat(shown.get("notices").asInt()).isEqualTo(1);
        assertThat(shown.get("testBuys").asInt()).isEqualTo(1);
        assertThat(shown.get("counterfeit").asInt()).isEqualTo(1);
        assertThat(shown.get("standing").asText()).isEqualTo("NORMAL");
        assertThat(api().get("/api/reporters/" + reporter, "rh-acme").status()).isEqualTo(403);
        assertThat(api().get("/api/reporters/nobody-" + UUID.randomUUID(), "analyst").status()).isEqualTo(404);
    }
}
