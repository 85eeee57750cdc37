package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** The persona is an operational secret: the buyer's task has it, nothing that leaves the system does. */
class PersonaSecrecyTest extends CaseFlows {

    @Test
    void thePersonaAppearsInTheBuyersTaskOnly() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String handle = (String) engine.getTaskService().getVariableLocal(task(c).getId(), "personaHandle");
        String address = (String) engine.getTaskService().getVariableLocal(task(c).getId(), "personaAddress");
        assertThat(handle).isNotBlank();
        completeAs("buyer", c, purchase(90.00));

        String events = String.join("\n", jdbc.sql("select data::text from outbox_event where subject = :c")
                .param("c", c.number()).query(String.class).list());
        assertThat(events).isNotEmpty().doesNotContain(handle).doesNotContain(address);
        for (String user : new String[] {"analyst", "manager", "custodian"}) {
            String view = api().get("/api/cases/" + c.number(), user).body();
            assertThat(view).doesNotContain(handle).doesNotContain(address);
        }
        assertThat(api().get("/api/cases/" + c.number() + "/custody", "analyst").body()).doesNotContain(handle);
        assertThat(engine.getRuntimeService().getVariables(c.process().getId())).doesNotContainKeys(
                "personaHandle", "personaAddress");
    }

    @Test
    void noDoorOfTheEngineShowsThePersonaToAnyoneButTheTestBuyers() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();
        String handle = (String) engine.getTaskService().getVariableLocal(taskId, "personaHandle");
        String process = c.process().getId();
        String[] doors = {
            "/engine-rest/history/variable-instance?processInstanceId=" + process + "&maxResults=100",
            "/engine-rest/history/detail?processInstanceId=" + process + "&maxResults=100",
            "/engine-rest/variable-instance?processInstanceIdIn=" + process + "&maxResults=100",
            "/engine-rest/task/" + taskId + "/variables",
            "/engine-rest/task/" + taskId + "/form-variables",
            "/engine-rest/execution/" + task(c).getExecutionId() + "/localVariables",
            "/engine-rest/process-instance/" + process + "/variables",
        };
        for (String user : new String[] {"manager", "owner", "analyst", "custodian", "liaison"}) {
            for (String door : doors) {
                assertThat(api().get(door, user).body()).as(user + " " + door).doesNotContain(handle);
            }
        }
        assertThat(api().get("/engine-rest/task/" + taskId + "/form-variables", "buyer").json()
                .at("/personaHandle/value").asText()).isEqualTo(handle);
        // history still serves what it may: the case's own variables, to those who read history
        com.fasterxml.jackson.databind.JsonNode caseNumbers = api().get("/engine-rest/history/variable-instance?processInstanceId="
                + process + "&variableName=caseNumber&maxResults=10", "manager").json();
        // the process's own, and the copy on the purchase task that Tasklist's list shows (engine.CaseAtAGlance)
        assertThat(caseNumbers).extracting(v -> v.get("value").asText()).containsOnly(c.number());
        assertThat(caseNumbers).extracting(v -> v.get("taskId").isNull()).containsExactlyInAnyOrder(true, false);

        // submitted as a form, the persona's fields coming back unchanged (as an older Tasklist would send them)
        String address = (String) engine.getTaskService().getVariableLocal(taskId, "personaAddress");
        Api.Response submitted = api().post("/engine-rest/task/" + taskId + "/submit-form", "buyer", """
                {"variables": {"listingUnavailable": {"value": false}, "orderNumber": {"value": "ORD-77"},
                  "amountPaidCny": {"value": 90.0}, "videoEvidenceUri": {"value": "https://video.example/v/77"},
                  "videoSha256": {"value": "%s"}, "personaHandle": {"value": "%s"}, "personaAddress": {"value": "%s"}}}"""
                .formatted(VIDEO_SHA, handle, address));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
        for (String user : new String[] {"manager", "owner"}) {
            assertThat(api().get("/engine-rest/history/detail?processInstanceId=" + process + "&maxResults=1000", user)
                    .body()).as(user).doesNotContain(handle).doesNotContain(address);
        }
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(process).formFields().list())
                .extracting(field -> ((org.camunda.bpm.engine.history.HistoricFormField) field).getFieldId())
                .contains("orderNumber").doesNotContain("personaHandle", "personaAddress");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process)
                .variableNameIn("personaHandle", "personaAddress").count()).as("nothing outlives the purchase").isZero();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(process).variableUpdates()
                .list()).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
                .isNotEmpty().doesNotContain("personaHandle", "personaAddress");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process)
                .variableName("orderNumber").count()).isOne();
    }

    @Test
    void thePersonaListenerOnATaskForOtherEyesFailsInsteadOfShowingIt() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        engine.getRepositoryService().createDeployment().addString("leak.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Leak" targetNamespace="x">
                  <bpmn:process id="persona-leak" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Go"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Go" targetRef="Task_PerformTestPurchase"/>
                    <bpmn:userTask id="Task_PerformTestPurchase" camunda:candidateGroups="managers">
                      <bpmn:extensionElements>
                        <camunda:taskListener delegateExpression="${purchaseTaskCreated}" event="create"/>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>""").deploy();

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("persona-leak", c.number()))
                .hasMessageContaining("persona is shown only on Task_PerformTestPurchase");
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("persona-leak").count()).isZero();
    }
}
