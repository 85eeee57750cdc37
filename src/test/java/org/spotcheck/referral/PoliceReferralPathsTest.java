package org.spotcheck.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.referral.PoliceReferralProcess.Elements.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.spotcheck.referral.PoliceReferralProcess.Vars;
import org.spotcheck.support.paths.DiagramPathTest;

/** Every path through {@code bpmn/police-referral.bpmn}, with the delegates mocked. */
@Deployment(resources = "bpmn/police-referral.bpmn")
class PoliceReferralPathsTest extends DiagramPathTest {

    private static final String REFERRAL = "REF-CF-2026-000001-1";

    /** Referred, the lead package prepared by the liaison and submitted: waiting for the agency. */
    private ProcessInstance submitted() {
        ProcessInstance pi = runtimeService().createMessageCorrelation(PoliceReferralProcess.START_MESSAGE)
                .processInstanceBusinessKey(REFERRAL).setVariable(Vars.CASE_NUMBER.getName(), "CF-2026-000001")
                .setVariable(Vars.REFERRAL_ID.getName(), REFERRAL).setVariable(Vars.SUGGESTED_AGENCY.getName(), "MARKET_REGULATION")
                .correlateStartMessage();
        assertThat(pi).isWaitingAt(PREPARE).task().hasCandidateGroup("enforcement-liaison");
        complete(task(pi), withVariables(Vars.AGENCY.getName(), "MARKET_REGULATION", Vars.JURISDICTION.getName(), "Hangzhou",
                Vars.SUMMARY.getName(), "Counterfeit serum, shop S-77"));
        assertThat(pi).hasPassedInOrder(START, ASSEMBLE, PREPARE, SUBMIT, JOIN_AWAIT).isWaitingAt(AWAIT_ACKNOWLEDGEMENT);
        return pi;
    }

    private void outcome(boolean agencyClosed) {
        runtimeService().createMessageCorrelation(PoliceReferralProcess.OUTCOME_MESSAGE).processInstanceBusinessKey(REFERRAL)
                .setVariable(Vars.AGENCY_CLOSED.getName(), agencyClosed).correlate();
    }

    /** No answer in 14 days: the liaison follows up and says what the agency answered. */
    private ProcessInstance followingUp() {
        ProcessInstance pi = submitted();
        execute(job());
        assertThat(pi).hasPassed(NO_ANSWER).isWaitingAt(FOLLOW_UP).task().hasCandidateGroup("enforcement-liaison");
        return pi;
    }

    @Test
    void shouldCloseWhenTheAgencyReportsItsFinalOutcomeFirst() {
        ProcessInstance pi = submitted();

        outcome(true);

        assertThat(pi).hasPassedInOrder(AWAIT_ACKNOWLEDGEMENT, JOIN_OUTCOME, GATEWAY_AGENCY_CLOSED, CLOSE, END_CLOSED)
                .isEnded();
        assertThat(delegates.calls()).containsSubsequence("assembleLeadPackage", "leadPackagePrepared",
                "submitReferral", "closeReferral");
    }

    @Test
    void shouldRecordOutcomesUntilTheAgencyClosesTheReferral() {
        ProcessInstance pi = submitted();

        outcome(false);
        assertThat(pi).isWaitingAt(AWAIT_OUTCOME);
        outcome(false);
        assertThat(pi).isWaitingAt(AWAIT_OUTCOME);
        outcome(true);

        assertThat(pi).hasPassedInOrder(AWAIT_OUTCOME, JOIN_OUTCOME, GATEWAY_AGENCY_CLOSED, CLOSE, END_CLOSED).isEnded();
    }

    @Test
    void shouldFollowUpAfter14DaysWithoutAnswerAndWaitAgain() {
        ProcessInstance pi = followingUp();

        complete(task(pi), withVariables(Vars.FOLLOW_UP.getName(), "NO_ANSWER"));

        assertThat(pi).hasPassedInOrder(FOLLOW_UP, GATEWAY_FOLLOW_UP, JOIN_AWAIT).isWaitingAt(AWAIT_ACKNOWLEDGEMENT);
    }

    @Test
    void shouldWithdrawTheReferralWhenTheLiaisonSaysSo() {
        ProcessInstance pi = followingUp();

        complete(task(pi), withVariables(Vars.FOLLOW_UP.getName(), "WITHDRAWN"));

        assertThat(pi).hasPassedInOrder(GATEWAY_FOLLOW_UP, WITHDRAW, END_WITHDRAWN).hasNotPassed(CLOSE).isEnded();
        assertThat(delegates.calls()).contains("referralFollowedUp", "withdrawReferral");
    }

    @Test
    void shouldAwaitOutcomesOnceTheLiaisonLearnsTheAgencyAcknowledged() {
        delegates.onTask("referralFollowedUp", t -> t.getExecution().setVariable(Vars.AGENCY_CLOSED.getName(), false));
        ProcessInstance pi = followingUp();

        complete(task(pi), withVariables(Vars.FOLLOW_UP.getName(), "ACKNOWLEDGED"));

        assertThat(pi).hasPassedInOrder(GATEWAY_FOLLOW_UP, JOIN_OUTCOME, GATEWAY_AGENCY_CLOSED).isWaitingAt(AWAIT_OUTCOME);
    }

    @Test
    void shouldTakeAnOutcomeReportedDuringTheFollowUpAndEndTheFollowUp() {
        ProcessInstance pi = followingUp();

        outcome(true);

        assertThat(pi).hasPassedInOrder(OUTCOME_DURING_FOLLOW_UP, JOIN_OUTCOME, GATEWAY_AGENCY_CLOSED, CLOSE, END_CLOSED)
                .hasNotPassed(GATEWAY_FOLLOW_UP).isEnded();
    }
}
