package org.spotcheck.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.TestRelay;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
import org.spotcheck.support.Tasks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sellers' appeals end to end on PostgreSQL and Kafka: a lab-verified ban reviewed by a
 * second person and reversed, a rights holder's verdict answered by a counter-notice,
 * the statements of reasons the restrictions carry.
 */
class AppealsTest extends CaseFlows {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRelay relay;

    static ObjectNode flagOf(String seller, String phone, String category) {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("sellerId", seller).put("category", category);
        flag.putObject("sellerIdentity").put("phoneHash", phone).put("bankAccountHash", "bank-" + phone);
        return flag;
    }

    static String appealBody(String appealId, String caseNumber, String seller) {
        return "{\"appealId\": \"" + appealId + "\", \"caseNumber\": \"" + caseNumber + "\", \"sellerId\": \"" + seller
                + "\", \"grounds\": \"The item is genuine stock bought from the brand's distributor\", \"evidence\":"
                + " [{\"uri\": \"https://seller.example/invoice.pdf\", \"sha256\": \"" + "c".repeat(64) + "\"}]}";
    }

    Api.Response file(String appealId, String caseNumber, String seller) {
        return api().post("/api/appeals", "intake", appealBody(appealId, caseNumber, seller));
    }

    ProcessInstance appealProcess(String appealId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(appealId)
                .processDefinitionKey(AppealProcess.KEY).singleResult();
    }

    JsonNode appeal(String appealId) {
        return api().get("/api/appeals/" + appealId, "intake").json();
    }

    private JsonNode screen(String phone) {
        return api().post("/api/screenings", "intake", "{\"phoneHash\": \"" + phone + "\"}").json();
    }

    private List<String> commandsTo(String shop, int atLeast) {
        relay.relay();
        return KafkaClient.read(kafkaBrokers(), Topics.PLATFORM_COMMANDS, r -> shop.equals(r.key()), atLeast).stream()
                .map(r -> readTree(r.value()).at("/data/command").asText()).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLabVerifiedBanIsDecidedBySomeoneWhoDidNotWorkOnTheCaseAndItsReversalUnbansEveryKey() {
        String seller = "S-" + UUID.randomUUID();
        String phone = "phone-" + UUID.randomUUID();
        counterfeit(flagOf(seller, phone, "COSMETICS")); // first strike: shop closed
        ObjectNode second = flagOf(seller, phone, "COSMETICS");
        Case banned = counterfeit(second); // a fake health product after a strike: banned for good
        assertThat(view(banned).at("/sanction/level").asText()).isEqualTo("PERMANENT_BAN");
        assertThat(screen(phone).get("decision").asText()).isEqualTo("BLOCK");
        String appealId = "AP-" + UUID.randomUUID();

        Api.Response filed = file(appealId, banned.number(), seller);

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.location()).endsWith("/api/appeals/" + appealId);
        assertThat(filed.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(filed.json().get("route").asText()).isEqualTo("REVIEW");
        assertThat(OffsetDateTime.parse(filed.json().get("decideBy").asText()))
                .isCloseTo(OffsetDateTime.now().plusDays(14), within(1, ChronoUnit.HOURS));
        ProcessInstance pi = appealProcess(appealId);
        assertThat(pi).isWaitingAt(AppealProcess.Elements.DECIDE);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        assertThat(api().tasklist("reviewer").get("/task?maxResults=10&processInstanceBusinessKey=" + appealId).json()).hasSize(1);
        assertThat(api().tasklist("analyst").get("/task?maxResults=10&processInstanceBusinessKey=" + appealId).json()).isEmpty();

        // lab-cqi gave the verdict: made an appeal reviewer too, it still may not see, claim or decide the appeal
        engine.getIdentityService().createMembership("lab-cqi", "appeals");
        try {
            assertThat(api().tasklist("lab-cqi").get("/task?maxResults=10&processInstanceBusinessKey=" + appealId).json()).isEmpty();
            assertThat(api().post("/engine-rest/task/" + taskId + "/claim", "lab-cqi", "{\"userId\": \"lab-cqi\"}")
                    .status()).isEqualTo(403);
            assertThat(Tasks.complete(api(), taskId, "lab-cqi", Tasks.vars("appealDecision", "REVERSED",
                    "decisionReasons", "My own verdict was wrong")).status()).isEqualTo(403);
            Api.Response assigned = api().post("/engine-rest/task/" + taskId + "/assignee", "admin",
                    "{\"userId\": \"lab-cqi\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(403);
            assertThat(assigned.body()).contains("worked on case " + banned.number());
        } finally {
            engine.getIdentityService().deleteMembership("lab-cqi", "appeals");
        }
        assertThat(pi).isWaitingAt(AppealProcess.Elements.DECIDE);

        Api.Response decided = api().tasklist("reviewer").post("/task/" + taskId + "/submit-form",
                "{\"variables\": {\"appealDecision\": {\"value\": \"REVERSED\", \"type\": \"String\"},"
                        + " \"decisionReasons\": {\"value\": \"The lab tested another batch than the one sold\","
                        + " \"type\": \"String\"}}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        runJobs(pi.getId());

        assertThat(pi).hasPassed(AppealProcess.Elements.LIFT, AppealProcess.Elements.NOTIFY_SELLER).isEnded();
        JsonNode appeal = appeal(appealId);
        assertThat(appeal.get("status").asText()).isEqualTo("DECIDED");
        assertThat(appeal.at("/decision/decision").asText()).isEqualTo("REVERSED");
        assertThat(appeal.at("/decision/reasons").asText()).contains("another batch");
        assertThat(appeal.at("/decision/lifted")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("RESTORE_LISTING", "REOPEN_SHOP", "LIFT_BAN");
        String shop = Flags.listing(second).get("shopId").asText();
        assertThat(commandsTo(shop, 6)).contains("RESTORE_LISTING", "REOPEN_SHOP", "LIFT_BAN");
        assertThat(jdbc.sql("""
                select bool_or(k.banned) or bool_or(s.banned_at is not null) from seller_identity_key k
                join seller s on s.id = k.seller_pk where s.seller_id = :s""").param("s", seller)
                .query(Boolean.class).single()).isFalse();
        JsonNode screening = screen(phone); // the first case's strike remains
        assertThat(screening.get("decision").asText()).isEqualTo("REVIEW");
        assertThat(screening.at("/matches/0/networkStrikes").asInt()).isEqualTo(1);
        JsonNode view = view(banned);
        assertThat(view.get("outcome").asText()).isEqualTo("COUNTERFEIT");
        assertThat(view.at("/appeal/decision").asText()).isEqualTo("REVERSED");
        assertThat(view.at("/appeal/strikeLifted").asBoolean()).isTrue();
        assertThat(view.get("timeline").toString()).contains("Appeal " + appealId + " received",
                "Appeal " + appealId + " REVERSED", "reviewer");
        assertThat(jdbc.sql("select appeal_note from referral r join spot_case c on c.id = r.case_pk where c.case_number = :c")
                .param("c", banned.number()).query(String.class).single()).contains("reversed");
        Api.Response again = file("AP-" + UUID.randomUUID(), banned.number(), seller);
        assertThat(again.status()).isEqualTo(409); // every restriction lifted: nothing left to appeal
        assertThat(again.json().get("title").asText()).isEqualTo("Nothing to appeal");
        String told = jdbc.sql("""
                select data::text from outbox_event where subject = :c and type = 'spotcheck.appeal.decided'""")
                .param("c", banned.number()).query(String.class).single();
        assertThat(readTree(told).get("reasons").asText()).contains("another batch");
    }

    @Test
    void aRightsHoldersVerdictIsAnsweredByACounterNoticeAndLiftedWhenNoComplaintFollowsIn15Days() {
        String seller = "S-" + UUID.randomUUID();
        ObjectNode flag = flagOf(seller, "phone-" + UUID.randomUUID(), "APPAREL");
        Case c = counterfeit(flag); // rh-acme's verdict, a first offence: takedown and a warning
        String appealId = "AP-" + UUID.randomUUID();

        Api.Response filed = file(appealId, c.number(), seller);

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("route").asText()).isEqualTo("COUNTER_NOTICE");
        ProcessInstance pi = appealProcess(appealId);
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(AppealProcess.Elements.AWAIT_RIGHTS_HOLDER);
        JsonNode notice = readTree(jdbc.sql("""
                select data::text from outbox_event where subject = :c and type = 'spotcheck.appeal.counter-notice'""")
                .param("c", c.number()).query(String.class).single());
        assertThat(notice.get("type").asText()).isEqualTo("COUNTER_NOTICE");
        assertThat(notice.get("verifierId").asText()).isEqualTo("rh-acme");
        assertThat(notice.get("grounds").asText()).contains("distributor");
        assertThat(notice.toString()).doesNotContain("persona", "buyer");
        assertThat(appeal(appealId).get("status").asText()).isEqualTo("COUNTER_NOTICE_SENT");

        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfter(OffsetDateTime.now().plusDays(14).toInstant());
        engine.getManagementService().executeJob(timer.getId());
        runJobs(pi.getId());

        assertThat(pi).hasPassed(AppealProcess.Elements.LIFT_AFTER_COUNTER_NOTICE).isEnded();
        JsonNode appeal = appeal(appealId);
        assertThat(appeal.at("/decision/decision").asText()).isEqualTo("REVERSED");
        assertThat(appeal.at("/decision/reasons").asText()).contains("no complaint or lawsuit within 15 days");
        assertThat(appeal.at("/decision/lifted")).extracting(JsonNode::asText).containsExactly("RESTORE_LISTING");
        assertThat(commandsTo(Flags.listing(flag).get("shopId").asText(), 3)).contains("RESTORE_LISTING");
        assertThat(view(c).at("/appeal/strikeLifted").asBoolean()).isTrue();
    }

    @Test
    void aComplaintTheRightsHolderReportsInTimeKeepsTheRestriction() {
        String seller = "S-" + UUID.randomUUID();
        Case c = counterfeit(flagOf(seller, "phone-" + UUID.randomUUID(), "APPAREL"));
        String appealId = "AP-" + UUID.randomUUID();
        assertThat(file(appealId, c.number(), seller).status()).isEqualTo(201);
        ProcessInstance pi = appealProcess(appealId);
        runJobs(pi.getId());
        String action = "{\"action\": \"COMPLAINT_FILED\", \"reference\": \"AIC-HZ-2026-77\"}";

        assertThat(api().post("/api/appeals/" + appealId + "/rights-holder-action", "lab-cqi", action).status())
                .isEqualTo(403);
        assertThat(api().post("/api/appeals/" + appealId + "/rights-holder-action", "intake", action).status())
                .isEqualTo(403);
        assertThat(api().post("/api/appeals/AP-nope/rights-holder-action", "rh-acme", action).status()).isEqualTo(404);
        Api.Response badAction = api().post("/api/appeals/" + appealId + "/rights-holder-action", "rh-acme",
                "{\"action\": \"SUED_MAYBE\", \"reference\": \"x\"}");
        assertThat(badAction.status()).isEqualTo(400);
        Api.Response reported = api().post("/api/appeals/" + appealId + "/rights-holder-action", "rh-acme", action);
        assertThat(reported.status()).as(reported.body()).isEqualTo(202);
        Api.Response again = api().post("/api/appeals/" + appealId + "/rights-holder-action", "rh-acme", action);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        runJobs(pi.getId());

        assertThat(pi).hasPassed(AppealProcess.Elements.KEEP_ON_COMPLAINT).isEnded();
        JsonNode appeal = appeal(appealId);
        assertThat(appeal.at("/decision/decision").asText()).isEqualTo("UPHELD");
        assertThat(appeal.at("/decision/reasons").asText()).contains("COMPLAINT_FILED", "AIC-HZ-2026-77");
        assertThat(appeal.at("/decision/lifted")).isEmpty();
        assertThat(appeal.at("/counterNotice/rightsHolderAction").asText()).isEqualTo("COMPLAINT_FILED");
        assertThat(view(c).at("/appeal/strikeLifted").asBoolean()).isFalse();
    }

    @Test
    void everyRestrictionCarriesAStatementOfReasons() {
        ObjectNode flag = flagOf("S-" + UUID.randomUUID(), "phone-" + UUID.randomUUID(), "APPAREL");
        Case c = counterfeit(flag);

        relay.relay();
        List<ConsumerRecord<String, String>> commands = KafkaClient.read(kafkaBrokers(), Topics.PLATFORM_COMMANDS,
                r -> Flags.listing(flag).get("shopId").asText().equals(r.key()), 2);

        assertThat(commands).extracting(r -> readTree(r.value()).at("/data/command").asText())
                .containsExactlyInAnyOrder("TAKE_DOWN_LISTING", "WARN_SELLER");
        for (ConsumerRecord<String, String> command : commands) {
            JsonNode reasons = readTree(command.value()).at("/data/statementOfReasons");
            assertThat(reasons.get("facts").asText()).contains(Flags.listing(flag).get("listingId").asText(),
                    "verified counterfeit", c.number());
            assertThat(reasons.get("ground").asText()).contains("COUNTERFEIT", "rights holder rh-acme",
                    "R-" + c.number());
            assertThat(reasons.get("evidenceSummary").asText()).contains(VIDEO_SHA, "SEAL-" + c.number());
            assertThat(reasons.get("automated").isBoolean()).isTrue();
            assertThat(OffsetDateTime.parse(reasons.at("/redress/appealBy").asText()))
                    .isCloseTo(OffsetDateTime.now().plusDays(180), within(1, ChronoUnit.HOURS));
            assertThat(reasons.at("/redress/how").asText()).contains("counter-notice", "15 days");
            assertThat(command.value()).doesNotContain("persona", "buyer", "s3://");
        }
        JsonNode byCommand = readTree(commands.stream().filter(r -> r.value().contains("WARN_SELLER")).findFirst()
                .orElseThrow().value());
        assertThat(byCommand.at("/data/statementOfReasons/automated").asBoolean()).isTrue();
        assertThat(byCommand.at("/data/statementOfReasons/automatedDetail").asText()).contains("WARNING");
        assertThat(view(c).at("/statementOfReasons/facts").asText()).contains("verified counterfeit");
    }

    @Test
    void aReducedBanReopensTheShopAndLiftsTheBanButTheListingStaysDownAndTheStrikeStays() {
        String seller = "S-" + UUID.randomUUID();
        String phone = "phone-" + UUID.randomUUID();
        counterfeit(flagOf(seller, phone, "COSMETICS"));
        ObjectNode second = flagOf(seller, phone, "COSMETICS");
        Case banned = counterfeit(second);
        String appealId = "AP-" + UUID.randomUUID();
        assertThat(file(appealId, banned.number(), seller).status()).isEqualTo(201);
        ProcessInstance pi = appealProcess(appealId);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

        Api.Response decided = Tasks.complete(api(), taskId, "reviewer", Tasks.vars("appealDecision", "REDUCED",
                "decisionReasons", "A first health-category offence: the shop may trade again"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        runJobs(pi.getId());

        JsonNode appeal = appeal(appealId);
        assertThat(appeal.at("/decision/decision").asText()).isEqualTo("REDUCED");
        assertThat(appeal.at("/decision/lifted")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("REOPEN_SHOP", "LIFT_BAN");
        assertThat(commandsTo(Flags.listing(second).get("shopId").asText(), 5)).contains("REOPEN_SHOP", "LIFT_BAN")
                .doesNotContain("RESTORE_LISTING");
        assertThat(screen(phone).get("decision").asText()).isEqualTo("REVIEW");
        assertThat(screen(phone).at("/matches/0/networkStrikes").asInt()).isEqualTo(2);
        assertThat(view(banned).at("/appeal/strikeLifted").asBoolean()).isFalse();
    }

    @Test
    void aBanAnotherCaseStillImposesIsNotLiftedOnThePlatformWhenOneCaseIsReversed() {
        String seller = "S-" + UUID.randomUUID();
        String phone = "phone-" + UUID.randomUUID();
        counterfeit(flagOf(seller, phone, "COSMETICS")); // shop closed
        Case firstBan = counterfeit(flagOf(seller, phone, "COSMETICS"));
        Case secondBan = counterfeit(flagOf(seller, phone, "COSMETICS"));
        assertThat(view(secondBan).at("/sanction/level").asText()).isEqualTo("PERMANENT_BAN");
        String appealId = "AP-" + UUID.randomUUID();
        assertThat(file(appealId, firstBan.number(), seller).status()).isEqualTo(201);
        ProcessInstance pi = appealProcess(appealId);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

        assertThat(Tasks.complete(api(), taskId, "reviewer", Tasks.vars("appealDecision", "REVERSED",
                "decisionReasons", "The first ban rested on a mislabelled sample")).status()).isEqualTo(204);
        runJobs(pi.getId());

        assertThat(appeal(appealId).at("/decision/lifted")).extracting(JsonNode::asText).contains("LIFT_BAN");
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :c and type = 'spotcheck.platform.LIFT_BAN'")
                .param("c", firstBan.number()).query(Long.class).single()).isZero();
        assertThat(view(firstBan).get("timeline").toString()).contains("LIFT_BAN not sent to the platform",
                "another case keeps the seller banned");
        assertThat(screen(phone).get("decision").asText()).isEqualTo("BLOCK"); // the second ban holds every key
    }
}
