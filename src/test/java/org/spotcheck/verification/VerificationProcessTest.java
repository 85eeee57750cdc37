package org.spotcheck.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Tasks;

/** counterfeit-case from the stored sample to its end: routing, verdicts, SLAs, genuine and counterfeit. */
class VerificationProcessTest extends CaseFlows {

    private static ObjectNode flag(String brand, String category) {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("brand", brand);
        Flags.listing(flag).put("category", category);
        return flag;
    }

    private String verifierOf(Case c) {
        return view(c).at("/verification/verifier").asText();
    }

    @Test
    void shouldSendAnEnrolledBrandsSampleToItsRightsHolder() throws Exception {
        Case c = atVerification(flag("Acme", "APPAREL"));

        assertThat(c.process()).hasPassedInOrder(STORE_SAMPLE, ROUTE_VERIFICATION, DISPATCH_SAMPLE)
                .isWaitingAt(AWAIT_VERDICT);
        JsonNode view = view(c);
        assertThat(view.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(view.at("/verification/route").asText()).isEqualTo("RIGHTS_HOLDER");
        assertThat(view.at("/verification/verifier").asText()).isEqualTo("rh-acme");
        JsonNode custody = api().get("/api/cases/" + c.number() + "/custody", "custodian").json();
        assertThat(custody.get(custody.size() - 1).get("action").asText()).isEqualTo("TRANSFER");
        assertThat(custody.get(custody.size() - 1).get("details").asText()).contains("rh-acme");
        String request = jdbc.sql("select data::text from outbox_event where subject = :c and topic = 'spotcheck.verification-requests'")
                .param("c", c.number()).query(String.class).single();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(request).get("verifierId").asText())
                .isEqualTo("rh-acme");
        assertThat(request).contains("SEAL-" + c.number()).doesNotContain("persona", "dev-buyer", "buyer");
    }

    @Test
    void shouldSendHealthCategoriesAndUnenrolledBrandsToALab() {
        assertThat(verifierOf(atVerification(flag("Acme", "COSMETICS")))).isEqualTo("lab-cqi");
        assertThat(verifierOf(atVerification(flag("NoName", "APPAREL")))).isEqualTo("lab-cqi");
    }

    @Test
    void shouldCloseAsGenuineAndBookTheItemAsACompanyAsset() {
        Case c = atVerification(flag("Acme", "APPAREL"));

        assertThat(verdict(c, "rh-acme", "GENUINE", "ACME-R-1").status()).isEqualTo(202);

        assertThat(c.process()).hasPassedInOrder(AWAIT_VERDICT, GATEWAY_VERDICT, REGISTER_ASSET, CLOSE_GENUINE, END_GENUINE)
                .isEnded();
        JsonNode view = view(c);
        assertThat(view.get("outcome").asText()).isEqualTo("GENUINE");
        assertThat(view.at("/verification/verdict").asText()).isEqualTo("GENUINE");
        assertThat(view.at("/verification/reportReference").asText()).isEqualTo("ACME-R-1");
        assertThat(jdbc.sql("select value_cny from company_asset a join spot_case c on c.id = a.case_pk where c.case_number = :c")
                .param("c", c.number()).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("92.50");
        assertThat(jdbc.sql("select s.clean_checks from seller s join spot_case c on c.seller_pk = s.id where c.case_number = :c")
                .param("c", c.number()).query(Integer.class).single()).isEqualTo(1);
        assertThat(view.get("timeline").toString()).contains("Verdict GENUINE (report ACME-R-1)", "company asset");
        JsonNode custody = api().get("/api/cases/" + c.number() + "/custody", "custodian").json();
        assertThat(custody).extracting(e -> e.get("action").asText()).contains("VERIFY", "MOVE");
    }

    @Test
    void shouldTakeDownSanctionKeepTheEvidenceAndDecideOnReferralWhenCounterfeit() {
        Case c = atVerification(flag("Acme", "APPAREL"));

        assertThat(verdict(c, "rh-acme", "COUNTERFEIT", "ACME-R-2").status()).isEqualTo(202);
        assertThat(c.process()).isWaitingAt(TAKE_DOWN_LISTING); // an async job: retried, never skipped
        runJobs(c);

        assertThat(c.process()).hasPassedInOrder(TAKE_DOWN_LISTING, DECIDE_SANCTION, APPLY_SANCTION, STORE_EVIDENCE,
                DECIDE_REFERRAL, RECORD_REFERRAL, CLOSE_COUNTERFEIT, END_COUNTERFEIT).isEnded();
        JsonNode view = view(c);
        assertThat(view.get("outcome").asText()).isEqualTo("COUNTERFEIT");
        assertThat(view.at("/sanction/level").asText()).isEqualTo("WARNING");
        assertThat(view.at("/sanction/commands")).extracting(x -> x.get("command").asText())
                .containsExactly("TAKE_DOWN_LISTING", "WARN_SELLER");
        assertThat(view.at("/referral/refer").asBoolean()).isFalse();
        assertThat(view.at("/evidence/2/storageLocation").asText()).isEqualTo("Hangzhou store, rack 7");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("evidence-retention")
                .variableValueEquals("caseNumber", c.number()).count()).isEqualTo(3);
    }

    @Test
    void shouldAskALabWhenTheRightsHolderIsUnsureAndTriageWhenTheLabIsToo() {
        Case c = atVerification(flag("Acme", "APPAREL"));

        assertThat(verdict(c, "rh-acme", "INCONCLUSIVE", "ACME-R-3").status()).isEqualTo(202);

        assertThat(c.process()).hasPassed(GATEWAY_INCONCLUSIVE_FROM, REQUIRE_LAB).isWaitingAt(AWAIT_VERDICT);
        assertThat(view(c).at("/verification/route").asText()).isEqualTo("LAB");
        assertThat(view(c).at("/verification/round").asInt()).isEqualTo(2);

        assertThat(verdict(c, "lab-cqi", "INCONCLUSIVE", "CQI-9").status()).isEqualTo(202);

        assertThat(c.process()).isWaitingAt(DECIDE_INCONCLUSIVE).task().hasCandidateGroup("triage");
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(completeAs("analyst", c, Tasks.vars("inconclusiveDecision", "maybe")).status()).isEqualTo(400);
        assertThat(completeAs("analyst", c, Tasks.vars("inconclusiveDecision", "GENUINE")).status()).isEqualTo(204);
        assertThat(c.process()).hasPassed(REGISTER_ASSET).isEnded();
        assertThat(view(c).get("outcome").asText()).isEqualTo("GENUINE");
    }

    @Test
    void triageMayCloseACaseNobodyCouldVerify() {
        Case c = atVerification(flag("NoName", "APPAREL"));
        verdict(c, "lab-cqi", "INCONCLUSIVE", "CQI-10");

        completeAs("analyst", c, Tasks.vars("inconclusiveDecision", "CLOSE"));

        assertThat(c.process()).hasPassed(CLOSE_INCONCLUSIVE).isEnded();
        assertThat(view(c).get("outcome").asText()).isEqualTo("DISMISSED");
    }

    @Test
    void shouldRemindTheVerifierAfterFourteenDays() {
        Case c = atVerification(flag("Acme", "APPAREL"));

        engine.getManagementService().executeJob(timer(c, VERDICT_REMINDER).getId());

        assertThat(c.process()).hasPassed(REMIND_VERIFIER).isWaitingAt(AWAIT_VERDICT);
        assertThat(view(c).get("timeline").toString()).contains("reminder sent to rh-acme");
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :c and type = 'spotcheck.verification.reminder'")
                .param("c", c.number()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldRerouteToALabAfterThirtyDaysWithoutAVerdict() {
        Case c = atVerification(flag("Acme", "APPAREL"));

        engine.getManagementService().executeJob(timer(c, VERDICT_OVERDUE).getId());

        assertThat(c.process()).hasPassed(REQUIRE_LAB).isWaitingAt(AWAIT_VERDICT);
        assertThat(verifierOf(c)).isEqualTo("lab-cqi");
        assertThat(verdict(c, "rh-acme", "GENUINE", "LATE").status()).as("its round is closed").isEqualTo(409);
        assertThat(verdict(c, "lab-cqi", "GENUINE", "CQI-11").status()).isEqualTo(202);
        assertThat(c.process()).isEnded();
        assertThat(jdbc.sql("select count(*) from verification v join spot_case c on c.id = v.case_pk where c.case_number = :c")
                .param("c", c.number()).query(Long.class).single()).isEqualTo(2);
        assertThat(List.of(view(c).get("outcome").asText())).containsExactly("GENUINE");
    }
}
