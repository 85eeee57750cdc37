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

        assertThat(pi).hasPassedInOrder(START, TRIAGE, RECORD_TRIAGE, GATEWAY_TRIAGE, JOIN_PURCHASE)
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

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED, true));

        assertThat(pi).hasPassed(GATEWAY_REVIEW, JOIN_PURCHASE).isWaitingAt(PERFORM_TEST_PURCHASE);
        assertThat(caseView(created).get("status").asText()).isEqualTo("AWAITING_PURCHASE");
    }

    @Test
    void shouldDismissWhenAnalystRejectsReview() {
        Api.Response created = flag("REVIEW");
        ProcessInstance pi = process(created);

        complete(task(pi), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED, false));

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
    void theProcessStillClosesALowRiskCaseShouldTheTableChangeAfterIntake() {
        // intake started a process for a review; by the time a process triages, the table says DISMISS
        Api.Response created = flag("REVIEW");
        String caseNumber = created.json().get("caseNumber").asText();
        engine.getRuntimeService().deleteProcessInstance(created.json().get("processInstanceId").asText(), "test");
        jdbc.sql("update spot_case set status = 'TRIAGE' where case_number = :c").param("c", caseNumber).update();
        java.util.Map<String, Object> vars = new java.util.HashMap<>(engine.getHistoryService()
                .createHistoricVariableInstanceQuery().processInstanceId(created.json().get("processInstanceId").asText())
                .list().stream().filter(v -> v.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(v -> v.getName(), v -> v.getValue(), (a, b) -> a)));
        vars.put(CounterfeitCaseProcess.Vars.RISK_SCORE, 0.1);

        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(CounterfeitCaseProcess.KEY, caseNumber,
                vars);
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).singleResult().getId()); // the asynchronous start

        assertThat(pi).hasPassedInOrder(TRIAGE, GATEWAY_TRIAGE, CLOSE_DISMISSED, END_DISMISSED).isEnded();
        assertThat(caseView(created).get("outcome").asText()).isEqualTo("DISMISSED");
    }

    @Test
    void closedListingGetsANewCaseOnTheNextFlag() {
        var reviewed = Flags.decidedAs("REVIEW");
        Api.Response first = api().post("/api/cases", "intake", reviewed.toString());
        complete(task(process(first)), withVariables(CounterfeitCaseProcess.Vars.TRIAGE_APPROVED, false)); // closed DISMISSED
        var later = Flags.decidedAs("TEST_BUY");
        Flags.listing(later).setAll(Flags.listing(reviewed));

        Api.Response second = api().post("/api/cases", "intake", later.toString());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("caseNumber").asText()).isNotEqualTo(first.json().get("caseNumber").asText());
        assertThat(second.json().has("mergedInto")).isFalse();
    }
}
