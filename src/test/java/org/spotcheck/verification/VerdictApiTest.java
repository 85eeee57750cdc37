package org.spotcheck.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** POST /api/cases/{n}/verification and what a verifier may see. */
class VerdictApiTest extends CaseFlows {

    @Test
    void onlyTheRoutedVerifierMayAnswer() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY")); // Acme apparel: rh-acme

        Api.Response lab = verdict(c, "lab-cqi", "COUNTERFEIT", "X");
        assertThat(lab.status()).isEqualTo(403);
        assertThat(lab.isProblem()).isTrue();
        assertThat(verdict(c, "analyst", "COUNTERFEIT", "X").status()).isEqualTo(403); // not a verifier at all
        assertThat(verdict(c, null, "COUNTERFEIT", "X").status()).isEqualTo(401);
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void aCaseNotWaitingForAVerdictAnswers409() {
        Case c = newCase(Flags.decidedAs("TEST_BUY")); // still at the purchase

        Api.Response early = verdict(c, "rh-acme", "GENUINE", "X");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
    }

    @Test
    void anUnknownVerdictOrMissingReportIs400() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));

        Api.Response unknown = verdict(c, "rh-acme", "PROBABLY_FAKE", "X");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("verdict");
        Api.Response noReport = api().post("/api/cases/" + c.number() + "/verification", "rh-acme",
                "{\"verdict\": \"GENUINE\"}");
        assertThat(noReport.status()).isEqualTo(400);
        assertThat(noReport.json().at("/errors/0/field").asText()).isEqualTo("reportReference");
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void theSameVerdictTwiceIsAcceptedOnceAndAnsweredAgainIdempotently() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));

        Api.Response first = verdict(c, "rh-acme", "GENUINE", "ACME-7");
        Api.Response again = verdict(c, "rh-acme", "GENUINE", "ACME-7");

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(view(c).get("timeline").toString().split("Verdict GENUINE", -1)).hasSize(2);
        assertThat(verdict(c, "rh-acme", "COUNTERFEIT", "ACME-8").status()).isEqualTo(409);
    }

    @Test
    void aVerifierSeesItsOwnCaseWithoutBuyerOrRiskDataAndNoOtherCase() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));

        Api.Response own = api().get("/api/cases/" + c.number(), "rh-acme");

        assertThat(own.status()).isEqualTo(200);
        JsonNode view = own.json();
        assertThat(view.get("flags")).isEmpty();
        assertThat(view.get("triage").isNull()).isTrue();
        assertThat(view.get("purchase").isNull()).isTrue();
        assertThat(view.get("timeline")).isEmpty();
        assertThat(view.at("/verification/verifier").asText()).isEqualTo("rh-acme");
        assertThat(view.get("evidence")).extracting(e -> e.get("kind").asText()).containsExactly("PHOTO", "SAMPLE");
        assertThat(own.body()).doesNotContain("buyer", "riskScore", "dev-buyer");

        assertThat(api().get("/api/cases/" + c.number(), "lab-cqi").status()).isEqualTo(403);
        assertThat(api().get("/api/cases/CF-1999-000001", "lab-cqi").status()).isEqualTo(403);
        assertThat(api().get("/api/cases?sellerId=x", "rh-acme").status()).isEqualTo(403);
        assertThat(api().get("/api/cases/" + c.number() + "/custody", "rh-acme").status()).isEqualTo(403);
    }

    @Test
    void aVerdictNamingARoundOtherThanTheWaitingOneIsNotApplied() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY")); // round 1: rh-acme
        engine.getManagementService().executeJob(timer(c, "Event_VerdictOverdue").getId()); // round 2: lab-cqi

        Api.Response stale = api().post("/api/cases/" + c.number() + "/verification", "lab-cqi",
                "{\"verdict\": \"GENUINE\", \"reportReference\": \"CQI-R1\", \"round\": 1}");
        Api.Response current = api().post("/api/cases/" + c.number() + "/verification", "lab-cqi",
                "{\"verdict\": \"GENUINE\", \"reportReference\": \"CQI-R2\", \"round\": 2}");

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(current.status()).as(current.body()).isEqualTo(202);
        assertThat(view(c).at("/verification/reportReference").asText()).isEqualTo("CQI-R2");
    }
}
