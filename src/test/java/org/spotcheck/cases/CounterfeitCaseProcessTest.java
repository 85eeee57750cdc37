package org.spotcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.ProcessRef;

/** One test per path through counterfeit-case so far, driven by real flags over HTTP. */
class CounterfeitCaseProcessTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.spotcheck.intake.IntakeService intake;

    @org.springframework.beans.factory.annotation.Autowired
    private org.spotcheck.intake.FlagMapperAccess mapper;

    private Api.Response flag(String decision) {
        Api.Response created = api().post("/api/cases", "intake", Flags.decidedAs(decision).toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private ProcessInstance process(Api.Response created) {
        return ProcessRef.of(engine, created.json().get("processInstanceId").asText());
    }

    private JsonNode caseView(Api.Response created) {
        return api().get(created.location(), "analyst").json();
    }

    @Test
    void shouldWaitForTestPurchaseWhenTriageSaysTestBuy() {
        Api.Response created = flag("TEST_BUY");
        ProcessInstance pi = process(created);

        assertThat(pi).hasPassedInOrder(START, RECORD_TRIAGE, GATEWAY_TRIAGE, JOIN_PURCHASE)
                .isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(pi).task().hasCandidateGroup("test-buyers");
        assertThat(created.json().get("status").asText()).isEqualTo("AWAITING_PURCHASE");
        JsonNode view = caseView(created);
        assertThat(view.at("/triage/decision").asText()).isEqualTo("TEST_BUY");
        assertThat(view.at("/triage/priority").asInt()).isEqualTo(1);
        assertThat(view.at("/triage/exploration").asBoolean()).isFalse();
    }

    @Test
    void shouldBuyWhenAnalystApprovesReview() {
        Api.Response created = flag("REVIEW");
        ProcessInstance pi = process(created);
        assertThat(pi).isWaitingAt(REVIEW_FLAG).task().hasCandidateGroup("triage");
        assertThat(caseView(created).get("status").asText()).isEqualTo("AWAITING_REVIEW");

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED.getName(), true));

        assertThat(pi).hasPassed(GATEWAY_REVIEW, JOIN_PURCHASE).isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(caseView(created).get("status").asText()).isEqualTo("AWAITING_PURCHASE");
    }

    @Test
    void shouldDismissWhenAnalystRejectsReview() {
        Api.Response created = flag("REVIEW");
        ProcessInstance pi = process(created);

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED.getName(), false));

        assertThat(pi).hasPassedInOrder(REVIEW_FLAG, GATEWAY_REVIEW, CLOSE_REJECTED, END_REVIEW_REJECTED)
                .isEnded();
        JsonNode view = caseView(created);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("outcome").asText()).isEqualTo("DISMISSED");
        assertThat(view.get("closedAt").isNull()).isFalse();
    }

    @Test
    void aLowRiskFlagOpensNoCaseAndNoProcess() {
        for (String decision : java.util.List.of("MONITOR", "DISMISS")) {
            long processesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
            long casesBefore = jdbc.sql("select count(*) from spot_case").query(Long.class).single();
            var flag = Flags.decidedAs(decision);

            Api.Response answer = api().post("/api/cases", "intake", flag.toString());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("decision").asText()).isEqualTo(decision);
            assertThat(answer.json().has("caseNumber")).isFalse();
            assertThat(answer.json().has("processInstanceId")).isFalse();
            assertThat(jdbc.sql("select count(*) from spot_case").query(Long.class).single()).isEqualTo(casesBefore);
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
                    .as("the engine was not involved").isEqualTo(processesBefore);
        }
    }

    @Test
    void theProcessFollowsIntakesAnswerEvenIfTheTableChangesBeforeItsFirstStep() throws Exception {
        // intake answers REVIEW and stores the start (as a Kafka batch does: its first step waits for the job executor)
        String caseNumber = mapper.receiveAll(intake, java.util.List.of(Flags.decidedAs("REVIEW").toString())).get(0);
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/triage.dmn"));
        String dismissing = shipped.replace("<text>\"REVIEW\"</text>", "<text>\"DISMISS\"</text>")
                .replace("<text>\"TEST_BUY\"</text>", "<text>\"DISMISS\"</text>");
        assertThat(dismissing).isNotEqualTo(shipped);
        deployTriage(dismissing); // a process owner's new version, before the first step runs
        try {
            String processId = jdbc.sql("select process_instance_id from spot_case where case_number = :c")
                    .param("c", caseNumber).query(String.class).single();
            ProcessInstance pi = ProcessRef.of(engine, processId);
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(processId).singleResult().getId()); // the asynchronous start

            assertThat(pi).hasPassedInOrder(START, RECORD_TRIAGE, GATEWAY_TRIAGE).isWaitingAt(REVIEW_FLAG);
            assertThat(api().get("/api/cases/" + caseNumber, "analyst").json().at("/triage/decision").asText())
                    .isEqualTo("REVIEW");
        } finally {
            deployTriage(shipped);
        }
    }

    /** As the deployer at start-up deploys it (deployment "spotcheck", stable resource names). */
    private void deployTriage(String triage) {
        engine.getRepositoryService().createDeployment().name("spotcheck").source("spotcheck")
                .enableDuplicateFiltering(true).addString("bpmn/triage.dmn", triage).deploy();
    }

    @Test
    void closedListingGetsANewCaseOnTheNextFlag() {
        var reviewed = Flags.decidedAs("REVIEW");
        Api.Response first = api().post("/api/cases", "intake", reviewed.toString());
        complete(task(process(first)), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED.getName(), false)); // closed DISMISSED
        var later = Flags.decidedAs("TEST_BUY");
        Flags.listing(later).setAll(Flags.listing(reviewed));

        Api.Response second = api().post("/api/cases", "intake", later.toString());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("caseNumber").asText()).isNotEqualTo(first.json().get("caseNumber").asText());
        assertThat(second.json().has("mergedInto")).isFalse();
    }
}
