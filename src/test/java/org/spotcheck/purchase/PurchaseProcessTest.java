package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.ProcessRef;
import org.spotcheck.support.Tasks;

/** counterfeit-case from the test purchase to the sample waiting for verification, one test per path. */
class PurchaseProcessTest extends CaseFlows {

    @Test
    void shouldPrepareThePurchaseWithPersonaReservationAndDueDate() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));

        assertThat(c.process()).hasPassedInOrder(JOIN_PURCHASE, ASSIGN_PERSONA, GATEWAY_PERSONA, RESERVE_BUDGET,
                GATEWAY_BUDGET, JOIN_PURCHASE_ATTEMPT).isWaitingAt(PERFORM_TEST_PURCHASE);
        Task task = task(c);
        assertThat(task.getPriority()).isEqualTo(90);
        assertThat(task.getDueDate()).isInTheFuture();
        assertThat(task.getDueDate().getTime() - System.currentTimeMillis()).isBetween(23 * 3_600_000L, 24 * 3_600_000L);
        JsonNode variables = api().get("/engine-rest/task/" + task.getId() + "/form-variables", "buyer").json();
        String handle = variables.at("/personaHandle/value").asText();
        assertThat(jdbc.sql("select count(*) from persona where handle = :h and active").param("h", handle)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(variables.at("/personaAddress/value").asText()).isNotBlank();
        assertThat(variables.at("/reservedCny/value").asText()).isEqualTo("104.00");
        JsonNode purchase = view(c).get("purchase");
        assertThat(purchase.get("reservedCny").decimalValue()).isEqualByComparingTo("104.00");
        assertThat(purchase.get("budgetStatus").asText()).isEqualTo("RESERVED");
    }

    @Test
    void shouldRecordThePurchaseSettleTheBudgetAndWaitForTheParcel() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));

        assertThat(c.process()).hasPassedInOrder(PERFORM_TEST_PURCHASE, GATEWAY_LISTING, GATEWAY_OVERSPEND,
                JOIN_RECORD_PURCHASE, RECORD_PURCHASE).isWaitingAt(RECORD_PARCEL_INTAKE);
        assertThat(c.process()).task().hasCandidateGroup("evidence-custodians");
        JsonNode view = view(c);
        assertThat(view.get("status").asText()).isEqualTo("AWAITING_PARCEL");
        assertThat(view.at("/purchase/orderNumber").asText()).isEqualTo("TB-778899");
        assertThat(view.at("/purchase/amountPaidCny").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(view.at("/purchase/budgetStatus").asText()).isEqualTo("SETTLED");
        assertThat(view.at("/purchase/purchasedBy").asText()).isEqualTo("buyer");
        assertThat(view.get("evidence")).extracting(e -> e.get("kind").asText()).containsExactly("VIDEO");
        assertThat(view.at("/evidence/0/sha256").asText()).isEqualTo(VIDEO_SHA);
        JsonNode custody = api().get("/api/cases/" + c.number() + "/custody", "custodian").json();
        assertThat(custody).extracting(e -> e.get("action").asText()).containsExactly("CAPTURE");
        assertThat(custody.get(0).get("actor").asText()).isEqualTo("buyer");
    }

    @Test
    void shouldCloseAsListingUnavailableAndReleaseTheReservation() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));

        assertThat(completeAs("buyer", c, Tasks.vars("listingUnavailable", true)).status()).isEqualTo(204);

        assertThat(c.process()).hasPassedInOrder(GATEWAY_LISTING, CLOSE_UNAVAILABLE, END_UNAVAILABLE).isEnded();
        JsonNode view = view(c);
        assertThat(view.get("outcome").asText()).isEqualTo("LISTING_UNAVAILABLE");
        assertThat(view.at("/purchase/budgetStatus").asText()).isEqualTo("RELEASED");
        assertThat(view.at("/purchase/listingUnavailable").asBoolean()).isTrue();
    }

    @Test
    void shouldRaiseThePriorityOfAnOverduePurchase() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.signals(flag).put("riskScore", 0.75); // rule 4: TEST_BUY at priority 2
        Case c = newCase(flag);
        assertThat(task(c).getPriority()).isEqualTo(60);

        engine.getManagementService().executeJob(timer(c, PURCHASE_OVERDUE).getId());

        assertThat(c.process()).hasPassed(ESCALATE_PURCHASE, END_ESCALATED).isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(task(c).getPriority()).isEqualTo(90);
        JsonNode view = view(c);
        assertThat(view.at("/triage/priority").asInt()).isEqualTo(1);
        assertThat(view.get("timeline").toString()).contains("overdue: priority raised from P2 to P1");
    }

    @Test
    void shouldAskTriageBeforeAcceptingASpendAboveOneAndAHalfTimesTheReservation() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        assertThat(completeAs("buyer", c, purchase(160.00)).status()).isEqualTo(204); // 104 reserved

        assertThat(c.process()).isWaitingAt(APPROVE_OVERSPEND).task().hasCandidateGroup("triage");
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_OVERSPEND_APPROVAL");

        assertThat(completeAs("analyst", c, Tasks.vars("overspendApproved", false)).status()).isEqualTo(204);
        assertThat(c.process()).isWaitingAt(PERFORM_TEST_PURCHASE);

        assertThat(completeAs("buyer", c, purchase(160.00)).status()).isEqualTo(204);
        assertThat(completeAs("analyst", c, Tasks.vars("overspendApproved", true)).status()).isEqualTo(204);
        assertThat(c.process()).hasPassed(GATEWAY_OVERSPEND_APPROVED, RECORD_PURCHASE).isWaitingAt(RECORD_PARCEL_INTAKE);
        assertThat(view(c).at("/purchase/amountPaidCny").decimalValue()).isEqualByComparingTo("160.00");
    }

    @Test
    void shouldCloseAsNotDeliveredAndRefundWhenTheParcelDoesNotArriveInTime() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));

        engine.getManagementService().executeJob(timer(c, PARCEL_OVERDUE).getId());

        assertThat(c.process()).hasPassed(PARCEL_OVERDUE, CLOSE_NOT_DELIVERED, END_NOT_DELIVERED).isEnded();
        JsonNode view = view(c);
        assertThat(view.get("outcome").asText()).isEqualTo("NOT_DELIVERED");
        assertThat(view.at("/purchase/budgetStatus").asText()).isEqualTo("REFUNDED");
        assertThat(view.get("timeline").toString()).contains("refunded");
    }

    @Test
    void shouldCloseAsNotDeliveredWhenTheCustodianReportsNoParcel() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));

        assertThat(completeAs("custodian", c, Tasks.vars("parcelReceived", false)).status()).isEqualTo(204);

        assertThat(c.process()).hasPassed(GATEWAY_PARCEL, CLOSE_NOT_DELIVERED).isEnded();
        assertThat(view(c).get("outcome").asText()).isEqualTo("NOT_DELIVERED");
    }

    @Test
    void shouldStoreTheSampleAsEvidenceAndAwaitVerification() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));
        String seal = "SEAL-" + c.number();

        Api.Response intake = completeAs("custodian", c, Tasks.vars("parcelReceived", true, "sealNumber", seal,
                "storageLocation", "Hangzhou store, rack 7", "photoSha256", PHOTO_SHA));

        assertThat(intake.status()).isEqualTo(204);
        assertThat(c.process()).hasPassed(GATEWAY_PARCEL, STORE_SAMPLE).isWaitingAt(AWAIT_VERDICT);
        JsonNode view = view(c);
        assertThat(view.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(view.get("evidence")).extracting(e -> e.get("kind").asText())
                .containsExactly("VIDEO", "PHOTO", "SAMPLE");
        assertThat(view.at("/evidence/2/sealNumber").asText()).isEqualTo(seal);
        assertThat(view.at("/evidence/2/storageLocation").asText()).isEqualTo("Hangzhou store, rack 7");
        assertThat(view.at("/evidence/1/sha256").asText()).isEqualTo(PHOTO_SHA.toLowerCase());
        JsonNode custody = api().get("/api/cases/" + c.number() + "/custody", "custodian").json();
        assertThat(custody).extracting(e -> e.get("kind").asText() + ":" + e.get("action").asText())
                .containsExactly("VIDEO:CAPTURE", "PHOTO:CAPTURE", "SAMPLE:CAPTURE", "SAMPLE:STORE", "SAMPLE:TRANSFER");
        assertThat(custody.get(3).get("prevItemHash").asText()).isEqualTo(custody.get(2).get("entryHash").asText());

        Case other = purchased(Flags.decidedAs("TEST_BUY"));
        Api.Response reused = completeAs("custodian", other, Tasks.vars("parcelReceived", true, "sealNumber", seal,
                "storageLocation", "rack 8", "photoSha256", PHOTO_SHA));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("detail").asText()).contains("sealNumber", "already used");
        assertThat(ProcessRef.of(engine, other.process().getId())).isWaitingAt(RECORD_PARCEL_INTAKE);
        // Tasklist's own door gives the same answer (it used to report a listener's refusal as a 500)
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(other.process().getId())
                .singleResult().getId();
        Api.Response inTasklist = api().tasklist("custodian").post("/task/" + taskId + "/submit-form",
                "{\"variables\": {\"parcelReceived\": {\"value\": true, \"type\": \"Boolean\"},"
                        + " \"sealNumber\": {\"value\": \"" + seal + "\", \"type\": \"String\"},"
                        + " \"storageLocation\": {\"value\": \"rack 8\", \"type\": \"String\"},"
                        + " \"photoSha256\": {\"value\": \"" + PHOTO_SHA + "\", \"type\": \"String\"}}}");
        assertThat(inTasklist.status()).as(inTasklist.body()).isEqualTo(400);
        assertThat(inTasklist.json().get("detail").asText()).contains("sealNumber", "already used");
        assertThat(ProcessRef.of(engine, other.process().getId())).isWaitingAt(RECORD_PARCEL_INTAKE);
    }
}
