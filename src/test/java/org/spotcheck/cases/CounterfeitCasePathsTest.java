package org.spotcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.spotcheck.cases.CounterfeitCaseProcess.Messages;
import org.spotcheck.cases.CounterfeitCaseProcess.Vars;
import org.spotcheck.support.paths.DiagramPathTest;

/**
 * Every path through {@code bpmn/counterfeit-case.bpmn}, with the delegates mocked and the
 * real decision tables (verification-route, sanction, referral) evaluated.
 */
@Deployment(resources = {"bpmn/counterfeit-case.bpmn", "bpmn/verification-route.dmn", "bpmn/sanction.dmn",
        "bpmn/referral.dmn"})
class CounterfeitCasePathsTest extends DiagramPathTest {

    private static final String CASE = "CF-2026-000001";

    /** A case as intake starts it: the triage decision and the facts the tables read. */
    private ProcessInstance start(String decision, String category) {
        // the real delegate records intake's triage and hands the route on
        delegates.on("recordTriage", e -> e.setVariable(Vars.ROUTE.getName(), e.getVariable(Vars.TRIAGE_DECISION.getName())));
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.TRIAGE_DECISION.getName(), decision);
        variables.put(Vars.PRIORITY.getName(), 1);
        variables.put(Vars.CATEGORY.getName(), category);
        variables.put(Vars.PRIOR_STRIKES.getName(), 0);
        variables.put(Vars.SALES_VALUE_CNY.getName(), null);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(CounterfeitCaseProcess.KEY, CASE, variables);
        // the start is asynchronous: intake commits the case, a job runs the first steps
        assertThat(pi).isWaitingAt(START);
        execute(job());
        return pi;
    }

    private void personaFree(boolean free) {
        delegates.on("assignPersona", e -> {
            e.setVariable(Vars.PERSONA_ASSIGNED.getName(), free);
            if (!free) {
                // a case that must wait learns when its wait ends (the timers of both waits)
                e.setVariable(Vars.WAIT_DEADLINE.getName(), new Date(System.currentTimeMillis() + 30 * 86_400_000L));
            }
        });
    }

    /** Budget reserved, or not: then waiting in the queue, or turned away by a full one. */
    private void budget(boolean reserved, boolean queueFull) {
        delegates.on("reserveBudget", e -> {
            e.setVariable(Vars.BUDGET_RESERVED.getName(), reserved);
            e.setVariable(Vars.QUEUE_FULL.getName(), queueFull);
            e.setVariable(Vars.PURCHASE_DUE.getName(), new Date(System.currentTimeMillis() + 86_400_000L));
            e.setVariable(Vars.TASK_PRIORITY.getName(), 50);
            e.setVariable(Vars.WAIT_DEADLINE.getName(), new Date(System.currentTimeMillis() + 30 * 86_400_000L));
        });
    }

    private ProcessInstance waitingToBuy(String category) {
        personaFree(true);
        budget(true, false);
        ProcessInstance pi = start("TEST_BUY", category);
        assertThat(pi).isWaitingAt(PERFORM_TEST_PURCHASE);
        return pi;
    }

    private void bought(ProcessInstance pi, boolean overspent) {
        delegates.onTask("purchaseReported", t -> t.getExecution().setVariable(Vars.OVERSPEND.getName(), overspent));
        complete(task(PERFORM_TEST_PURCHASE, pi), withVariables(Vars.LISTING_UNAVAILABLE.getName(), false));
    }

    /** Bought, parcel received, sample dispatched: waiting for the verifier routed by verification-route. */
    private ProcessInstance awaitingVerdict(String category, boolean brandEnrolled) {
        delegates.on("verificationRoutingFacts", e -> {
            e.setVariable(CounterfeitCaseProcess.Vars.BRAND_ENROLLED.getName(), brandEnrolled);
            if (!e.hasVariable(CounterfeitCaseProcess.Vars.FORCE_LAB.getName())) {
                e.setVariable(CounterfeitCaseProcess.Vars.FORCE_LAB.getName(), false);
            }
        });
        ProcessInstance pi = waitingToBuy(category);
        bought(pi, false);
        complete(task(RECORD_PARCEL_INTAKE, pi), withVariables(Vars.PARCEL_RECEIVED.getName(), true));
        assertThat(pi).isWaitingAt(AWAIT_VERDICT);
        return pi;
    }

    private void verdict(String verdict) {
        runtimeService().createMessageCorrelation(Messages.VERIFICATION_RESULT).processInstanceBusinessKey(CASE)
                .setVariable(CounterfeitCaseProcess.Vars.VERDICT.getName(), verdict).correlate();
    }

    private Job timer(ProcessInstance pi, String activity) {
        return jobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    @Test
    void shouldWaitForTheTestPurchaseWhenTriageSaysTestBuy() {
        ProcessInstance pi = waitingToBuy("APPAREL");

        assertThat(pi).hasPassedInOrder(START, RECORD_TRIAGE, GATEWAY_TRIAGE, JOIN_PURCHASE, ASSIGN_PERSONA,
                GATEWAY_PERSONA, JOIN_BUDGET, RESERVE_BUDGET, GATEWAY_BUDGET, JOIN_PURCHASE_ATTEMPT);
        assertThat(pi).task().hasCandidateGroup("test-buyers");
        assertThat(delegates.calls()).containsSequence("recordTriage", "assignPersona", "reserveBudget", "caseStage",
                "caseAtAGlance", "purchaseTaskCreated");
    }

    @Test
    void shouldBuyWhenTheAnalystApprovesTheReview() {
        personaFree(true);
        budget(true, false);
        ProcessInstance pi = start("REVIEW", "APPAREL");
        assertThat(pi).isWaitingAt(REVIEW_FLAG).task().hasCandidateGroup("triage");

        complete(task(pi), withVariables(Vars.TRIAGE_APPROVED.getName(), true));

        assertThat(pi).hasPassedInOrder(REVIEW_FLAG, GATEWAY_REVIEW, JOIN_PURCHASE, ASSIGN_PERSONA)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(delegates.calls()).contains("reviewFlagCompleted");
    }

    @Test
    void shouldCloseAsDismissedWhenTheAnalystRejectsTheReview() {
        ProcessInstance pi = start("REVIEW", "APPAREL");

        complete(task(pi), withVariables(Vars.TRIAGE_APPROVED.getName(), false));

        assertThat(pi).hasPassedInOrder(GATEWAY_REVIEW, CLOSE_REJECTED, END_REVIEW_REJECTED).isEnded();
        assertThat(delegates.calls()).contains("closeCase{outcome=DISMISSED}");
    }

    @Test
    void shouldCloseAsMonitoredALowRiskCaseThatWasNotBought() {
        ProcessInstance pi = start("MONITOR", "APPAREL");

        assertThat(pi).hasPassedInOrder(GATEWAY_TRIAGE, GATEWAY_LOW_RISK, CLOSE_MONITORED, END_MONITORED).isEnded();
        assertThat(delegates.calls()).contains("closeCase{outcome=MONITORED}");
    }

    @Test
    void shouldCloseAsDismissedALowRiskCaseTriagedDismiss() {
        ProcessInstance pi = start("DISMISS", "APPAREL");

        assertThat(pi).hasPassedInOrder(GATEWAY_LOW_RISK, CLOSE_DISMISSED, END_DISMISSED).isEnded();
        assertThat(delegates.calls()).contains("closeCase{outcome=DISMISSED}");
    }

    @Test
    void shouldWaitForAPersonaAndBuyOnceOneIsAvailable() {
        personaFree(false);
        budget(true, false);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");
        assertThat(pi).isWaitingAt(WAIT_PERSONA);

        personaFree(true);
        runtimeService().createMessageCorrelation(Messages.PERSONA_AVAILABLE).processInstanceBusinessKey(CASE).correlate();

        assertThat(pi).hasPassedInOrder(WAIT_PERSONA, PERSONA_AVAILABLE, JOIN_PURCHASE, ASSIGN_PERSONA, RESERVE_BUDGET)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(delegates.calls()).filteredOn("assignPersona"::equals).hasSize(2);
    }

    @Test
    void shouldCloseUnboughtWhenNoPersonaIsFreeBeforeTheWaitDeadline() {
        personaFree(false);
        budget(true, false);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");

        execute(timer(pi, PERSONA_WAIT_EXPIRED));

        assertThat(pi).hasPassedInOrder(WAIT_PERSONA, PERSONA_WAIT_EXPIRED, JOIN_WAIT_EXPIRED, CLOSE_WAIT_EXPIRED,
                END_WAIT_EXPIRED).isEnded();
        assertThat(delegates.calls()).contains("closeUnbought{waitEnd=EXPIRED}");
    }

    @Test
    void shouldWaitForBudgetAndBuyOnceItIsReleased() {
        personaFree(true);
        budget(false, false);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");
        assertThat(pi).hasPassed(GATEWAY_BUDGET_QUEUE).isWaitingAt(WAIT_BUDGET);

        budget(true, false);
        runtimeService().createMessageCorrelation(Messages.BUDGET_AVAILABLE).processInstanceBusinessKey(CASE).correlate();

        assertThat(pi).hasPassedInOrder(WAIT_BUDGET, BUDGET_AVAILABLE, JOIN_BUDGET, RESERVE_BUDGET, GATEWAY_BUDGET)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(delegates.calls()).filteredOn("assignPersona"::equals).hasSize(1);
    }

    @Test
    void shouldCloseUnboughtWhenBudgetIsNotReleasedBeforeTheWaitDeadline() {
        personaFree(true);
        budget(false, false);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");

        execute(timer(pi, BUDGET_WAIT_EXPIRED));

        assertThat(pi).hasPassedInOrder(WAIT_BUDGET, BUDGET_WAIT_EXPIRED, JOIN_WAIT_EXPIRED, CLOSE_WAIT_EXPIRED,
                END_WAIT_EXPIRED).isEnded();
        assertThat(delegates.calls()).contains("closeUnbought{waitEnd=EXPIRED}");
    }

    @Test
    void shouldCloseUnboughtWhenTheFullQueueTurnsTheCaseAway() {
        personaFree(true);
        budget(false, true);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");

        assertThat(pi).hasPassedInOrder(GATEWAY_BUDGET, GATEWAY_BUDGET_QUEUE, JOIN_QUEUE_FULL, CLOSE_QUEUE_FULL,
                END_QUEUE_FULL).isEnded();
        assertThat(pi).hasNotPassed(WAIT_BUDGET);
        assertThat(delegates.calls()).contains("closeUnbought{waitEnd=QUEUE_FULL}");
    }

    @Test
    void shouldCloseUnboughtWhenAHigherRankedCaseDisplacesItFromTheQueue() {
        personaFree(true);
        budget(false, false);
        ProcessInstance pi = start("TEST_BUY", "APPAREL");

        runtimeService().createMessageCorrelation(Messages.QUEUE_DISPLACED).processInstanceBusinessKey(CASE)
                .setVariable(Vars.DISPLACED_BY.getName(), "CF-2026-000002").correlate();

        assertThat(pi).hasPassedInOrder(WAIT_BUDGET, BUDGET_DISPLACED, JOIN_QUEUE_FULL, CLOSE_QUEUE_FULL,
                END_QUEUE_FULL).isEnded();
    }

    @Test
    void shouldRaiseThePriorityOfAnOverduePurchaseAndKeepItOpen() {
        ProcessInstance pi = waitingToBuy("APPAREL");

        execute(timer(pi, PURCHASE_OVERDUE));

        assertThat(pi).hasPassedInOrder(PURCHASE_OVERDUE, ESCALATE_PURCHASE, END_ESCALATED)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(delegates.calls()).contains("escalatePurchase");
    }

    @Test
    void shouldCloseAsListingUnavailableWhenTheBuyerFindsItGone() {
        ProcessInstance pi = waitingToBuy("APPAREL");

        complete(task(pi), withVariables(Vars.LISTING_UNAVAILABLE.getName(), true));

        assertThat(pi).hasPassedInOrder(GATEWAY_LISTING, CLOSE_UNAVAILABLE, END_UNAVAILABLE).isEnded();
        assertThat(delegates.calls()).contains("purchaseReported", "closeCase{outcome=LISTING_UNAVAILABLE}");
    }

    @Test
    void shouldRecordThePurchaseAndWaitForTheParcelWhenWithinBudget() {
        ProcessInstance pi = waitingToBuy("APPAREL");

        bought(pi, false);

        assertThat(pi).hasPassedInOrder(GATEWAY_LISTING, GATEWAY_OVERSPEND, JOIN_RECORD_PURCHASE, RECORD_PURCHASE)
                .hasNotPassed(APPROVE_OVERSPEND).isWaitingAt(RECORD_PARCEL_INTAKE);
        assertThat(pi).task().hasCandidateGroup("evidence-custodians");
    }

    @Test
    void shouldRecordAnOverspendOnceAnAnalystApprovesIt() {
        ProcessInstance pi = waitingToBuy("APPAREL");
        bought(pi, true);
        assertThat(pi).isWaitingAt(APPROVE_OVERSPEND).task().hasCandidateGroup("triage");

        complete(task(pi), withVariables(Vars.OVERSPEND_APPROVED.getName(), true));

        assertThat(pi).hasPassedInOrder(APPROVE_OVERSPEND, GATEWAY_OVERSPEND_APPROVED, JOIN_RECORD_PURCHASE,
                RECORD_PURCHASE).isWaitingAt(RECORD_PARCEL_INTAKE);
        assertThat(delegates.calls()).contains("overspendReviewed");
    }

    @Test
    void shouldBuyAgainWhenTheAnalystRefusesTheOverspend() {
        ProcessInstance pi = waitingToBuy("APPAREL");
        bought(pi, true);

        complete(task(pi), withVariables(Vars.OVERSPEND_APPROVED.getName(), false));

        assertThat(pi).hasPassedInOrder(GATEWAY_OVERSPEND_APPROVED, JOIN_PURCHASE_ATTEMPT).hasNotPassed(RECORD_PURCHASE)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
    }

    @Test
    void shouldCloseAsNotDeliveredWhenNoParcelArrivesIn15Days() {
        ProcessInstance pi = waitingToBuy("APPAREL");
        bought(pi, false);

        execute(timer(pi, PARCEL_OVERDUE));

        assertThat(pi).hasPassedInOrder(PARCEL_OVERDUE, JOIN_NOT_DELIVERED, CLOSE_NOT_DELIVERED, END_NOT_DELIVERED)
                .isEnded();
        assertThat(delegates.calls()).contains("closeCase{outcome=NOT_DELIVERED}");
    }

    @Test
    void shouldCloseAsNotDeliveredWhenTheCustodianReportsNoParcel() {
        ProcessInstance pi = waitingToBuy("APPAREL");
        bought(pi, false);

        complete(task(pi), withVariables(Vars.PARCEL_RECEIVED.getName(), false));

        assertThat(pi).hasPassedInOrder(GATEWAY_PARCEL, JOIN_NOT_DELIVERED, CLOSE_NOT_DELIVERED, END_NOT_DELIVERED)
                .hasNotPassed(STORE_SAMPLE).isEnded();
    }

    @Test
    void shouldRouteAHealthProductToALabAndCloseItAsCounterfeitWithSanctionAndReferral() {
        ProcessInstance pi = awaitingVerdict("COSMETICS", true);
        assertThat(pi).hasPassedInOrder(GATEWAY_PARCEL, STORE_SAMPLE, JOIN_ROUTING, ROUTE_VERIFICATION, DISPATCH_SAMPLE)
                .variables().containsEntry(CounterfeitCaseProcess.Vars.VERIFICATION_ROUTE.getName(), "LAB");

        verdict("COUNTERFEIT");
        // the takedown is a step of its own (retried, then an incident), as are the linked cases after the close
        assertThat(pi).isWaitingAt(TAKE_DOWN_LISTING);
        execute(job());
        assertThat(pi).isWaitingAt(SPAWN_LINKED_CASES);
        execute(job());

        assertThat(pi).hasPassedInOrder(GATEWAY_VERDICT, TAKE_DOWN_LISTING, DECIDE_SANCTION, APPLY_SANCTION,
                STORE_EVIDENCE, DECIDE_REFERRAL, RECORD_REFERRAL, CLOSE_COUNTERFEIT, SPAWN_LINKED_CASES, END_COUNTERFEIT)
                .isEnded();
        // the real tables: cosmetics without prior strikes → shop closure and a referral to market regulation
        assertThat(pi).variables().containsEntry("sanction", "SHOP_CLOSURE").containsEntry("refer", true)
                .containsEntry("agency", "MARKET_REGULATION");
        assertThat(delegates.calls()).containsSubsequence("storeSample", "dispatchSample", "takeDownListing",
                "applySanction", "storeEvidence", "recordReferral", "closeCase{outcome=COUNTERFEIT}", "spawnLinkedCases");
    }

    @Test
    void shouldRouteAnEnrolledBrandToItsRightsHolderAndCloseAsGenuine() {
        ProcessInstance pi = awaitingVerdict("APPAREL", true);
        assertThat(pi).variables().containsEntry(CounterfeitCaseProcess.Vars.VERIFICATION_ROUTE.getName(), "RIGHTS_HOLDER");

        verdict("GENUINE");

        assertThat(pi).hasPassedInOrder(GATEWAY_VERDICT, REGISTER_ASSET, CLOSE_GENUINE, END_GENUINE)
                .hasNotPassed(TAKE_DOWN_LISTING).isEnded();
        assertThat(delegates.calls()).contains("registerAsset", "closeCase{outcome=GENUINE}");
    }

    @Test
    void shouldRemindTheVerifierAfter14DaysAndKeepWaiting() {
        ProcessInstance pi = awaitingVerdict("APPAREL", true);

        execute(timer(pi, VERDICT_REMINDER));

        assertThat(pi).hasPassedInOrder(VERDICT_REMINDER, REMIND_VERIFIER).isWaitingAt(AWAIT_VERDICT);
        assertThat(delegates.calls()).contains("remindVerifier");
    }

    @Test
    void shouldRerouteToALabWhenTheRightsHolderDoesNotAnswerIn30Days() {
        delegates.on("requireLab", e -> e.setVariable(CounterfeitCaseProcess.Vars.FORCE_LAB.getName(), true));
        ProcessInstance pi = awaitingVerdict("APPAREL", true);

        execute(timer(pi, VERDICT_OVERDUE));

        assertThat(pi).hasPassedInOrder(VERDICT_OVERDUE, JOIN_REQUIRE_LAB, REQUIRE_LAB, JOIN_ROUTING,
                ROUTE_VERIFICATION, DISPATCH_SAMPLE).isWaitingAt(AWAIT_VERDICT);
        assertThat(pi).variables().containsEntry(CounterfeitCaseProcess.Vars.VERIFICATION_ROUTE.getName(), "LAB");
        assertThat(delegates.calls()).filteredOn("dispatchSample"::equals).hasSize(2);
    }

    @Test
    void shouldRerouteToALabWhenTheRightsHolderIsUnsure() {
        delegates.on("requireLab", e -> e.setVariable(CounterfeitCaseProcess.Vars.FORCE_LAB.getName(), true));
        ProcessInstance pi = awaitingVerdict("APPAREL", true);

        verdict("INCONCLUSIVE");

        assertThat(pi).hasPassedInOrder(GATEWAY_VERDICT, GATEWAY_INCONCLUSIVE_FROM, JOIN_REQUIRE_LAB, REQUIRE_LAB,
                ROUTE_VERIFICATION).hasNotPassed(DECIDE_INCONCLUSIVE).isWaitingAt(AWAIT_VERDICT);
        assertThat(pi).variables().containsEntry(CounterfeitCaseProcess.Vars.VERIFICATION_ROUTE.getName(), "LAB");
    }

    @Test
    void shouldCloseUnverifiedWhenTheLabIsUnsureAndTheAnalystCloses() {
        ProcessInstance pi = awaitingVerdict("COSMETICS", false);
        verdict("INCONCLUSIVE");
        assertThat(pi).isWaitingAt(DECIDE_INCONCLUSIVE).task().hasCandidateGroup("triage");

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.INCONCLUSIVE_DECISION.getName(), "CLOSE"));

        assertThat(pi).hasPassedInOrder(GATEWAY_INCONCLUSIVE_FROM, DECIDE_INCONCLUSIVE, GATEWAY_DECIDED,
                CLOSE_INCONCLUSIVE, END_CLOSED_INCONCLUSIVE).isEnded();
        assertThat(delegates.calls()).contains("inconclusiveDecided", "closeCase{outcome=DISMISSED}");
    }

    @Test
    void shouldTakeTheAnalystsVerdictWhenTheLabIsUnsure() {
        delegates.onTask("inconclusiveDecided", t -> t.getExecution().setVariable(CounterfeitCaseProcess.Vars.VERDICT.getName(),
                t.getVariable(CounterfeitCaseProcess.Vars.INCONCLUSIVE_DECISION.getName())));
        ProcessInstance pi = awaitingVerdict("COSMETICS", false);
        verdict("INCONCLUSIVE");

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.INCONCLUSIVE_DECISION.getName(), "GENUINE"));

        assertThat(pi).hasPassedInOrder(DECIDE_INCONCLUSIVE, GATEWAY_DECIDED, JOIN_VERDICT, GATEWAY_VERDICT,
                REGISTER_ASSET, CLOSE_GENUINE).isEnded();
    }
}
