package org.spotcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.evidence.EvidenceRetentionProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Tasks;
import org.springframework.beans.factory.annotation.Autowired;

/** evidence-retention: kept 3 years, then extended or disposed with a witness. */
class EvidenceRetentionProcessTest extends CaseFlows {

    @Autowired
    private RetentionService retention;

    private record Stored(String caseNumber, long sampleId, ProcessInstance retention) {
    }

    private Stored storedSampleUnderRetention() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));
        Tasks.complete(api(), task(c).getId(), "custodian", Tasks.vars("parcelReceived", true,
                "sealNumber", "RET-" + c.number(), "storageLocation", "vault 3", "photoSha256", PHOTO_SHA));
        long sample = jdbc.sql("select i.id from evidence_item i join spot_case c on c.id = i.case_pk "
                        + "where c.case_number = :c and i.kind = 'SAMPLE'").param("c", c.number())
                .query(Long.class).single();
        return new Stored(c.number(), sample, retention.start(c.number(), sample));
    }

    private Job timer(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    @Test
    void keepsEvidenceThreeYearsThenAsksForAReview() {
        Stored stored = storedSampleUnderRetention();

        assertThat(stored.retention()).isWaitingAt(RETENTION_OVER);
        Instant due = timer(stored.retention()).getDuedate().toInstant();
        assertThat(Duration.between(Instant.now(), due).toDays()).isBetween(3 * 365L - 1, 3 * 366L);
        assertThat(retention.start(stored.caseNumber(), stored.sampleId()).getId())
                .as("starting retention twice").isEqualTo(stored.retention().getId());

        engine.getManagementService().executeJob(timer(stored.retention()).getId());

        assertThat(stored.retention()).isWaitingAt(REVIEW).task().hasCandidateGroup("evidence-custodians");
    }

    @Test
    void extendingTheHoldWaitsAgainThenDisposalNeedsAWitness() {
        Stored stored = storedSampleUnderRetention();
        ProcessInstance pi = stored.retention();
        engine.getManagementService().executeJob(timer(pi).getId());

        complete(BpmnAwareTests.task(pi), withVariables("extendHold", true));

        assertThat(pi).hasPassed(RECORD_EXTENSION).isWaitingAt(EXTENSION_OVER);
        engine.getManagementService().executeJob(timer(pi).getId());
        assertThat(pi).isWaitingAt(REVIEW);

        String taskId = BpmnAwareTests.task(pi).getId();
        assertThat(Tasks.complete(api(), taskId, "custodian", Tasks.vars("extendHold", false)).status()).isEqualTo(400);
        assertThat(pi).isWaitingAt(REVIEW);

        assertThat(Tasks.complete(api(), taskId, "custodian",
                Tasks.vars("extendHold", false, "disposalWitness", "Li Wei (legal)")).status()).isEqualTo(204);

        assertThat(pi).hasPassed(DISPOSE, END_DISPOSED).isEnded();
        JsonNode custody = api().get("/api/cases/" + stored.caseNumber() + "/custody", "custodian").json();
        assertThat(custody).extracting(e -> e.get("kind").asText() + ":" + e.get("action").asText())
                .endsWith("SAMPLE:STORE", "SAMPLE:DISPOSE");
        assertThat(custody.get(custody.size() - 1).get("details").asText()).contains("Li Wei (legal)");
        assertThat(custody.get(custody.size() - 1).get("actor").asText()).isEqualTo("custodian");
    }

    @Test
    void retentionNeedsExistingEvidence() {
        assertThatThrownBy(() -> retention.start("CF-1999-000001", -1)).hasMessageContaining("No evidence");
    }
}
