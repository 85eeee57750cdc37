package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.TasklistSession;
import org.spotcheck.support.Tasks;

/** Completing a task sets its form's fields and nothing else, through either door. */
class TaskInputGuardTest extends CaseFlows {

    @Test
    void aBuyerCannotSetProcessVariablesTheFormDoesNotHave() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();
        Map<String, Object> forged = purchase(90.0);
        forged.put("verifierId", "rh-acme");
        forged.put("riskScore", 0.01);

        Api.Response refused = Tasks.complete(api(), taskId, "buyer", forged);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).contains("refused: riskScore, verifierId");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(c.process().getId(), "verifierId")).isNull();

        for (String disguised : new String[] {"/engine-rest/%74ask/" + taskId + "/complete",
                "/engine-rest/task/" + taskId + "/%63omplete", "/engine-rest/task/" + taskId + ";x=1/complete"}) {
            Api.Response encoded = api().post(disguised, "buyer", Tasks.body(forged));
            assertThat(encoded.status()).as(disguised + ": " + encoded.body()).isIn(400, 404);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        TasklistSession tasklist = api().tasklist("buyer");
        assertThat(tasklist.post("/task/" + taskId + "/submit-form", Tasks.body(forged)).status()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void readOnlyFieldsMayComeBackUnchangedButNotChanged() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();
        Map<String, Object> edited = purchase(90.0);
        edited.put("caseNumber", "CF-1999-000001");

        Api.Response refused = Tasks.complete(api(), taskId, "buyer", edited);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("caseNumber (read-only)");

        Map<String, Object> asShown = purchase(90.0);
        asShown.put("caseNumber", c.number()); // what a browser may send back
        Api.Response done = api().tasklist("buyer").post("/task/" + taskId + "/submit-form", Tasks.body(asShown));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_PARCEL");
    }

    @Test
    void taskVariablesAreNotEditableOutsideACompletion() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();

        Api.Response put = api().put("/engine-rest/task/" + taskId + "/variables/riskScore", "buyer",
                "{\"value\": 0.01, \"type\": \"Double\"}");
        Api.Response modify = api().post("/engine-rest/task/" + taskId + "/localVariables", "buyer",
                "{\"modifications\": {\"reservedCny\": {\"value\": 9999, \"type\": \"Double\"}}}");
        Api.Response viaTasklist = api().tasklist("buyer").post("/task/" + taskId + "/variables",
                "{\"modifications\": {\"riskScore\": {\"value\": 0.01, \"type\": \"Double\"}}}");

        Api.Response bpmnError = api().post("/engine-rest/task/" + taskId + "/bpmnError", "buyer",
                "{\"errorCode\": \"X\", \"variables\": {\"verifierId\": {\"value\": \"rh-acme\"}}}");
        Api.Response escalation = api().post("/engine-rest/task/" + taskId + "/bpmnEscalation", "buyer",
                "{\"escalationCode\": \"X\"}");

        assertThat(bpmnError.status()).isEqualTo(403);
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.isProblem()).isTrue();
        assertThat(modify.status()).isEqualTo(403);
        assertThat(viaTasklist.status()).isEqualTo(403);
        assertThat(((Number) engine.getRuntimeService().getVariable(c.process().getId(), "riskScore")).doubleValue())
                .isGreaterThan(0.5);
    }
}
