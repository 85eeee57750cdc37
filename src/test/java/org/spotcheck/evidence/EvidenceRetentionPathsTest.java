package org.spotcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.evidence.EvidenceRetentionProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.spotcheck.evidence.EvidenceRetentionProcess.Vars;
import org.spotcheck.support.paths.DiagramPathTest;

/** Every path through {@code bpmn/evidence-retention.bpmn}, with the delegates mocked. */
@Deployment(resources = "bpmn/evidence-retention.bpmn")
class EvidenceRetentionPathsTest extends DiagramPathTest {

    /** Evidence kept: the retention timer runs three years before anyone is asked. */
    private ProcessInstance kept() {
        ProcessInstance pi = runtimeService().createMessageCorrelation(EvidenceRetentionProcess.START_MESSAGE)
                .processInstanceBusinessKey("EV-1").setVariable(Vars.CASE_NUMBER.getName(), "CF-2026-000001")
                .setVariable(Vars.EVIDENCE_ID.getName(), 1L).setVariable(Vars.EVIDENCE_KIND.getName(), "SAMPLE")
                .setVariable(Vars.SEAL_NUMBER.getName(), "SEAL-1").setVariable(Vars.STORAGE_LOCATION.getName(), "A-1-1")
                .correlateStartMessage();
        assertThat(pi).isWaitingAt(RETENTION_OVER);
        assertThat(job().getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3 * 365 - 1)));
        return pi;
    }

    @Test
    void shouldDisposeWithAWitnessAfterThreeYearsWhenNoHoldIsNeeded() {
        ProcessInstance pi = kept();
        execute(job());
        assertThat(pi).isWaitingAt(REVIEW).task().hasCandidateGroup("evidence-custodians");

        complete(task(pi), withVariables(Vars.EXTEND_HOLD.getName(), false, Vars.DISPOSAL_WITNESS.getName(), "Li Wei"));

        assertThat(pi).hasPassedInOrder(START, RETENTION_OVER, JOIN_REVIEW, REVIEW, GATEWAY_EXTEND, DISPOSE, END_DISPOSED)
                .isEnded();
        assertThat(delegates.calls()).containsSubsequence("retentionReviewed", "disposeEvidence");
    }

    @Test
    void shouldExtendTheHoldByAYearAndAskAgain() {
        ProcessInstance pi = kept();
        execute(job());

        complete(task(pi), withVariables(Vars.EXTEND_HOLD.getName(), true));
        assertThat(pi).hasPassedInOrder(GATEWAY_EXTEND, RECORD_EXTENSION).isWaitingAt(EXTENSION_OVER);
        assertThat(job().getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(364)));
        execute(job());

        assertThat(pi).hasPassedInOrder(RECORD_EXTENSION, EXTENSION_OVER, JOIN_REVIEW).hasNotPassed(DISPOSE)
                .isWaitingAt(REVIEW);
        assertThat(delegates.calls()).contains("recordHoldExtension");
    }
}
