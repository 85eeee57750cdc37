package org.spotcheck.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.referral.PoliceReferralProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
import org.spotcheck.support.ProcessRef;
import org.spotcheck.support.Tasks;

/** police-referral, one test per path, started by real counterfeit cases. */
class PoliceReferralProcessTest extends CaseFlows {

    private record Lead(Case origin, String referralId, ProcessInstance process) {
    }

    private Lead referred() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "COSMETICS"); // fake cosmetics: market regulation
        Case c = counterfeit(flag);
        String referralId = view(c).at("/referral/referralId").asText();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PoliceReferralProcess.KEY).processInstanceBusinessKey(referralId).singleResult();
        return new Lead(c, referralId, pi);
    }

    private Task task(Lead lead) {
        return engine.getTaskService().createTaskQuery().processInstanceId(lead.process().getId()).singleResult();
    }

    private Lead submitted() {
        Lead lead = referred();
        Api.Response done = Tasks.complete(api(), task(lead).getId(), "liaison", Tasks.vars("agency", "MARKET_REGULATION",
                "jurisdiction", "Zhejiang", "summary", "Fake Acme cosmetics sold from shop " + lead.origin().number()));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        return lead;
    }

    private Api.Response outcome(Lead lead, String user, String body) {
        return api().post("/api/referrals/" + lead.referralId() + "/outcomes", user, body);
    }

    private void noAnswerFor14Days(Lead lead) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(lead.process().getId()).timers().singleResult().getId());
    }

    @Test
    void aReferredCaseGetsALeadPackageForTheLiaisonWhileTheCaseCloses() {
        Lead lead = referred();

        assertThat(lead.referralId()).matches("RF-\\d{4}-\\d{6}");
        assertThat(lead.process()).hasPassed(START, ASSEMBLE).isWaitingAt(PREPARE).task()
                .hasCandidateGroup("enforcement-liaison");
        assertThat(lead.origin().process()).isEnded(); // the case does not wait for the referral
        JsonNode pkg = jsonOf(jdbc.sql("select lead_package::text from referral where id = :id")
                .param("id", lead.referralId()).query(String.class).single());
        assertThat(pkg.at("/case/case_number").asText()).isEqualTo(lead.origin().number());
        assertThat(pkg.get("evidence")).extracting(e -> e.get("action").asText()).contains("CAPTURE", "TRANSFER", "VERIFY");
        assertThat(pkg.get("network")).hasSize(1);
        assertThat(pkg.toString()).doesNotContain("dev-buyer");
        JsonNode view = view(lead.origin());
        assertThat(view.at("/referral/refer").asBoolean()).isTrue();
        assertThat(view.at("/referral/status").asText()).isEqualTo("PREPARING");
    }

    @Test
    void aSmallFirstTimeFakeIsNotReferred() {
        Case c = counterfeit(Flags.decidedAs("TEST_BUY")); // apparel, no sales, first strike

        assertThat(view(c).at("/referral/refer").asBoolean()).isFalse();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PoliceReferralProcess.KEY)
                .variableValueEquals("caseNumber", c.number()).count()).isZero();
    }

    @Test
    void theLeadPackageNeedsAgencyJurisdictionAndSummary() {
        Lead lead = referred();

        Api.Response refused = Tasks.complete(api(), task(lead).getId(), "liaison",
                Tasks.vars("agency", "INTERPOL", "jurisdiction", "Zhejiang", "summary", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("agency");
        assertThat(lead.process()).isWaitingAt(PREPARE);
        assertThat(Tasks.complete(api(), task(lead).getId(), "buyer", Tasks.vars()).status()).isEqualTo(403);
    }

    @Test
    void outcomesAddUpOncePerReportUntilTheAgencyClosesTheLead() {
        Lead lead = submitted();
        assertThat(lead.process()).hasPassed(SUBMIT).isWaitingAt(AWAIT_ACKNOWLEDGEMENT);
        assertThat(view(lead.origin()).at("/referral/status").asText()).isEqualTo("SUBMITTED");

        String first = "{\"reportId\": \"PSB-1\", \"arrests\": 3, \"sitesClosed\": 1, \"seizedValueCny\": 1250000, \"closed\": false}";
        assertThat(outcome(lead, "liaison", first).status()).isEqualTo(202);
        assertThat(outcome(lead, "intake", first).json().get("duplicate").asBoolean()).isTrue();
        assertThat(lead.process()).isWaitingAt(AWAIT_OUTCOME);
        assertThat(outcome(lead, "intake", "{\"reportId\": \"PSB-2\", \"arrests\": 2, \"sitesClosed\": 0,"
                + " \"seizedValueCny\": 50000.50, \"closed\": true}").status()).isEqualTo(202);

        assertThat(lead.process()).hasPassed(GATEWAY_AGENCY_CLOSED, CLOSE, END_CLOSED).isEnded();
        JsonNode referral = view(lead.origin()).get("referral");
        assertThat(referral.get("status").asText()).isEqualTo("CLOSED");
        assertThat(referral.get("arrests").asInt()).isEqualTo(5);
        assertThat(referral.get("sitesClosed").asInt()).isEqualTo(1);
        assertThat(referral.get("seizedValueCny").decimalValue()).isEqualByComparingTo("1300000.50");
        assertThat(view(lead.origin()).get("timeline").toString())
                .contains("submitted to MARKET_REGULATION (Zhejiang)", "+3 arrests", "closed by the agency");
        assertThat(outcome(lead, "liaison", "{\"reportId\": \"PSB-3\", \"arrests\": 1, \"sitesClosed\": 0,"
                + " \"seizedValueCny\": 0, \"closed\": false}").status()).isEqualTo(409);
    }

    @Test
    void theLiaisonFollowsUpEveryFourteenDaysUntilTheAgencyAnswers() {
        Lead lead = submitted();

        noAnswerFor14Days(lead);
        assertThat(lead.process()).hasPassed(NO_ANSWER).isWaitingAt(FOLLOW_UP);
        Tasks.complete(api(), task(lead).getId(), "liaison", Tasks.vars("followUp", "NO_ANSWER"));
        assertThat(lead.process()).isWaitingAt(AWAIT_ACKNOWLEDGEMENT);

        noAnswerFor14Days(lead);
        Tasks.complete(api(), task(lead).getId(), "liaison", Tasks.vars("followUp", "ACKNOWLEDGED"));

        assertThat(lead.process()).isWaitingAt(AWAIT_OUTCOME);
        assertThat(view(lead.origin()).at("/referral/status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(lead.process().getId())
                .timers().count()).as("no more chasing once acknowledged").isZero();
    }

    @Test
    void anOutcomeReportedWhileTheFollowUpIsOpenIsTheAgencysAnswer() {
        Lead lead = submitted();
        noAnswerFor14Days(lead);
        assertThat(lead.process()).isWaitingAt(FOLLOW_UP);

        Api.Response reported = outcome(lead, "liaison", "{\"reportId\": \"PSB-9\", \"arrests\": 1, \"sitesClosed\": 0,"
                + " \"seizedValueCny\": 800, \"closed\": false}");

        assertThat(reported.status()).as(reported.body()).isEqualTo(202);
        assertThat(lead.process()).hasPassed(OUTCOME_DURING_FOLLOW_UP).isWaitingAt(AWAIT_OUTCOME);
        assertThat(task(lead)).as("the follow-up is over").isNull();
        JsonNode referral = view(lead.origin()).get("referral");
        assertThat(referral.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(referral.get("arrests").asInt()).isEqualTo(1);
    }

    @Test
    void oneAgencyReferenceCountsOnceForEachReferralItComesFor() {
        Lead first = submitted();
        Lead second = submitted();
        String report = "{\"reportId\": \"PSB-1\", \"arrests\": 2, \"sitesClosed\": 1, \"seizedValueCny\": 900,"
                + " \"closed\": false}";

        Api.Response forFirst = outcome(first, "liaison", report);
        KafkaClient.send(kafkaBrokers(), Topics.ENFORCEMENT_OUTCOMES, second.referralId(),
                "{\"referralId\": \"" + second.referralId() + "\"," + report.substring(1));

        assertThat(forFirst.status()).as(forFirst.body()).isEqualTo(202);
        assertThat(forFirst.json().has("duplicate")).isFalse();
        KafkaClient.await("PSB-1 counted for the second referral too",
                () -> view(second.origin()).at("/referral/arrests").asInt() == 2);
        assertThat(outcome(second, "intake", report).json().get("duplicate").asBoolean()).isTrue();
        assertThat(view(first.origin()).at("/referral/arrests").asInt()).isEqualTo(2);
        assertThat(view(second.origin()).at("/referral/arrests").asInt()).isEqualTo(2);
    }

    @Test
    void aLeadCanBeWithdrawn() {
        Lead lead = submitted();
        noAnswerFor14Days(lead);

        Tasks.complete(api(), task(lead).getId(), "liaison", Tasks.vars("followUp", "WITHDRAWN"));

        assertThat(lead.process()).hasPassed(WITHDRAW, END_WITHDRAWN).isEnded();
        assertThat(view(lead.origin()).at("/referral/status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void outcomeReportsAreCheckedAndGuarded() {
        Lead lead = referred(); // not submitted yet
        String report = "{\"arrests\": 1, \"sitesClosed\": 0, \"seizedValueCny\": 10, \"closed\": false}";

        assertThat(outcome(lead, "liaison", report).status()).isEqualTo(409);
        assertThat(api().post("/api/referrals/RF-1999-000001/outcomes", "liaison", report).status()).isEqualTo(404);
        assertThat(outcome(lead, "buyer", report).status()).isEqualTo(403);
        Api.Response negative = outcome(lead, "liaison", "{\"arrests\": -1, \"sitesClosed\": 0, \"seizedValueCny\": 10, \"closed\": false}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errors/0/field").asText()).isEqualTo("arrests");
        assertThat(outcome(lead, "liaison", "{\"arrests\": 1}").status()).isEqualTo(400);
        assertThat(ProcessRef.of(engine, lead.process().getId())).isWaitingAt(PREPARE);
    }

    private static JsonNode jsonOf(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
