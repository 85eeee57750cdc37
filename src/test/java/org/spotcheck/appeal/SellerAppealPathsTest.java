package org.spotcheck.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.appeal.AppealProcess.Elements.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.spotcheck.appeal.AppealProcess.Vars;
import org.spotcheck.support.paths.DiagramPathTest;

/** Every path through {@code bpmn/seller-appeal.bpmn}, with the delegates mocked. */
@Deployment(resources = "bpmn/seller-appeal.bpmn")
class SellerAppealPathsTest extends DiagramPathTest {

    private static final String APPEAL = "AP-2026-0001";

    private ProcessInstance appeal(AppealRoute route) {
        ProcessInstance pi = runtimeService().createMessageCorrelation(AppealProcess.START_MESSAGE)
                .processInstanceBusinessKey(APPEAL).setVariable(Vars.APPEAL_ID.getName(), APPEAL)
                .setVariable(Vars.CASE_NUMBER.getName(), "CF-2026-000001").setVariable(Vars.ROUTE.getName(), route.name())
                .setVariable(Vars.DECIDE_BY.getName(), Date.from(Instant.now().plus(14, ChronoUnit.DAYS)))
                .correlateStartMessage();
        if (route == AppealRoute.COUNTER_NOTICE) {
            execute(job(pi)); // the counter-notice is sent as a job of its own
            assertThat(pi).hasPassedInOrder(START, GATEWAY_ROUTE, SEND_COUNTER_NOTICE).isWaitingAt(AWAIT_RIGHTS_HOLDER);
        } else {
            assertThat(pi).hasPassedInOrder(START, GATEWAY_ROUTE).isWaitingAt(DECIDE).task().hasCandidateGroup("appeals");
        }
        return pi;
    }

    /** Runs the decision's step and telling the seller (each a job), to the end. */
    private void finish(ProcessInstance pi) {
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).hasPassedInOrder(JOIN_DECIDED, NOTIFY_SELLER, END_DECIDED).isEnded();
    }

    @Test
    void shouldLiftTheRestrictionWhenTheRightsHolderDoesNotActIn15Days() {
        ProcessInstance pi = appeal(AppealRoute.COUNTER_NOTICE);

        Job timer = jobQuery().timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(Date.from(Instant.now().plus(14, ChronoUnit.DAYS)));
        execute(timer);
        finish(pi);

        assertThat(pi).hasPassedInOrder(NO_ACTION_IN_15_DAYS, LIFT_AFTER_COUNTER_NOTICE, NOTIFY_SELLER)
                .hasNotPassed(KEEP_ON_COMPLAINT, DECIDE);
        assertThat(delegates.calls()).containsExactly("sendCounterNotice", "liftAfterCounterNotice", "notifyAppealDecision");
    }

    @Test
    void shouldKeepTheRestrictionWhenTheRightsHolderFiledAComplaint() {
        ProcessInstance pi = appeal(AppealRoute.COUNTER_NOTICE);

        runtimeService().createMessageCorrelation(AppealProcess.RIGHTS_HOLDER_ACTION_MESSAGE).processInstanceBusinessKey(APPEAL)
                .setVariable(Vars.RIGHTS_HOLDER_ACTION.getName(), RightsHolderAction.COMPLAINT_FILED.name()).correlate();
        finish(pi);

        assertThat(pi).hasPassedInOrder(AWAIT_RIGHTS_HOLDER, KEEP_ON_COMPLAINT, NOTIFY_SELLER)
                .hasNotPassed(LIFT_AFTER_COUNTER_NOTICE);
        assertThat(delegates.calls()).containsExactly("sendCounterNotice", "keepOnComplaint", "notifyAppealDecision");
    }

    @Test
    void shouldKeepTheRestrictionWhenTheReviewerUpholdsIt() {
        ProcessInstance pi = appeal(AppealRoute.REVIEW);

        complete(task(pi), withVariables(Vars.DECISION.getName(), "UPHELD", Vars.REASONS.getName(), "Lab report stands"));
        finish(pi);

        assertThat(pi).hasPassedInOrder(DECIDE, GATEWAY_DECISION, KEEP, NOTIFY_SELLER).hasNotPassed(LIFT, REDUCE);
        assertThat(delegates.calls()).containsSubsequence("appealReviewers", "keepRestriction", "notifyAppealDecision");
    }

    @Test
    void shouldLiftEveryRestrictionWhenTheReviewerReversesIt() {
        ProcessInstance pi = appeal(AppealRoute.REVIEW);

        complete(task(pi), withVariables(Vars.DECISION.getName(), "REVERSED", Vars.REASONS.getName(), "Wrong batch tested"));
        finish(pi);

        assertThat(pi).hasPassedInOrder(DECIDE, GATEWAY_DECISION, LIFT, NOTIFY_SELLER).hasNotPassed(KEEP, REDUCE);
        assertThat(delegates.calls()).contains("liftRestriction").doesNotContain("keepRestriction", "reduceRestriction");
    }

    @Test
    void shouldReduceTheRestrictionWhenTheReviewerSaysSo() {
        ProcessInstance pi = appeal(AppealRoute.REVIEW);

        complete(task(pi), withVariables(Vars.DECISION.getName(), "REDUCED", Vars.REASONS.getName(), "First offence, ban too harsh"));
        finish(pi);

        assertThat(pi).hasPassedInOrder(DECIDE, GATEWAY_DECISION, REDUCE, NOTIFY_SELLER).hasNotPassed(KEEP, LIFT);
    }

    @Test
    void shouldEscalateAnOverdueDecisionAndKeepTheTaskOpen() {
        ProcessInstance pi = appeal(AppealRoute.REVIEW);

        execute(jobQuery().timers().singleResult());
        execute(job(pi));

        assertThat(pi).hasPassed(DECISION_OVERDUE, ESCALATE, END_ESCALATED).isWaitingAt(DECIDE);
        assertThat(delegates.calls()).contains("escalateAppeal");
        complete(task(pi), withVariables(Vars.DECISION.getName(), "UPHELD", Vars.REASONS.getName(), "Decided late, stands"));
        finish(pi);
    }

    @Test
    void shouldRefuseTheDecisionOfSomeoneTheReviewerCheckRejects() {
        delegates.onTask("appealReviewers", t -> {
            if ("complete".equals(t.getEventName()) && "analyst".equals(t.getAssignee())) {
                throw new IllegalStateException("analyst worked on CF-2026-000001");
            }
        });
        ProcessInstance pi = appeal(AppealRoute.REVIEW);
        taskService().setAssignee(task(pi).getId(), "analyst");

        assertThatThrownBy(() -> complete(task(pi), withVariables(Vars.DECISION.getName(), "REVERSED",
                Vars.REASONS.getName(), "Own case, reversed"))).hasMessageContaining("worked on");

        assertThat(pi).isWaitingAt(DECIDE).hasNotPassed(LIFT);
    }
}
