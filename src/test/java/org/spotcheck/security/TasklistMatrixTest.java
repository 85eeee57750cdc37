package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spotcheck.evidence.EvidenceRetentionProcess;
import org.spotcheck.referral.PoliceReferralProcess;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.TasklistSession;
import org.spotcheck.support.Tasks;

/**
 * Every account against every user task of CONTRACT.md, through Tasklist itself (its form
 * login, session and CSRF token): only the task's group sees it, reads its variables,
 * claims and completes it; everyone else is refused and the task stays as it was. The
 * administrator may see any task, as Camunda's admin group always can.
 */
class TasklistMatrixTest extends CaseFlows {

    private static final List<String> ACCOUNTS =
            List.of("admin", "analyst", "buyer", "custodian", "liaison", "owner", "intake", "rh-acme", "lab-cqi");
    private static final List<String> TASKLIST_USERS = List.of("analyst", "buyer", "custodian", "liaison");

    @Test
    void reviewFlag() {
        Task task = task(newCase(Flags.decidedAs("REVIEW")));
        matrix(task, "analyst", Tasks.vars("triageApproved", true));
    }

    @Test
    void performTestPurchase() {
        Task task = task(newCase(Flags.decidedAs("TEST_BUY")));
        matrix(task, "buyer", purchase(90.0));
    }

    @Test
    void recordParcelIntake() {
        Task task = task(purchased(Flags.decidedAs("TEST_BUY")));
        matrix(task, "custodian", Tasks.vars("parcelReceived", true, "sealNumber", "SEAL-" + task.getId(),
                "storageLocation", "Hangzhou store, rack 2", "photoSha256", PHOTO_SHA));
    }

    @Test
    void prepareLeadPackageAndReviewRetention() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "COSMETICS"); // referred to market regulation
        Case c = counterfeit(flag);
        String referralId = view(c).at("/referral/referralId").asText();
        Task lead = engine.getTaskService().createTaskQuery().processDefinitionKey(PoliceReferralProcess.KEY)
                .processInstanceBusinessKey(referralId).singleResult();
        matrix(lead, "liaison", Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction", "Zhejiang",
                "summary", "Fake cosmetics from " + c.number()));

        String retention = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EvidenceRetentionProcess.KEY).variableValueEquals("caseNumber", c.number())
                .list().get(0).getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(retention).timers().singleResult().getId()); // three years later
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(retention).singleResult();
        matrix(review, "custodian", Tasks.vars("extendHold", true, "disposalWitness", ""));
    }

    private void matrix(Task task, String owner, Map<String, Object> validInput) {
        assertThat(task).isNotNull();
        String id = task.getId();
        String byInstance = "/task?maxResults=10&processInstanceId=" + task.getProcessInstanceId();
        for (String user : ACCOUNTS) {
            if (user.equals(owner)) {
                continue;
            }
            TasklistSession tasklist = api().tasklist(user);
            if (!TASKLIST_USERS.contains(user) && !user.equals("admin")) {
                assertThat(tasklist.loginStatus()).as(user + " logs into Tasklist").isIn(401, 403);
                assertThat(tasklist.get(byInstance).status()).as(user + " lists tasks").isIn(401, 403);
                assertThat(tasklist.post("/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}").status())
                        .as(user + " claims").isIn(401, 403);
                continue;
            }
            assertThat(tasklist.loginStatus()).as(user + " logs into Tasklist").isEqualTo(200);
            if (user.equals("admin")) {
                assertThat(tasklist.get(byInstance).json()).as("admin lists tasks").hasSize(1);
                continue;
            }
            assertThat(tasklist.get(byInstance).json()).as(user + " lists " + task.getTaskDefinitionKey()).isEmpty();
            assertThat(tasklist.get("/task/" + id + "/form-variables").status()).as(user + " reads variables")
                    .isEqualTo(403);
            assertThat(tasklist.get("/task/" + id + "/variables").status()).as(user + " reads variables")
                    .isEqualTo(403);
            assertThat(tasklist.post("/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}").status())
                    .as(user + " claims " + task.getTaskDefinitionKey()).isEqualTo(403);
            assertThat(tasklist.post("/task/" + id + "/submit-form", Tasks.body(validInput)).status())
                    .as(user + " completes " + task.getTaskDefinitionKey()).isEqualTo(403);
        }
        Task untouched = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
        assertThat(untouched).as("task after the refusals").isNotNull();
        assertThat(untouched.getAssignee()).isNull();

        TasklistSession tasklist = api().tasklist(owner);
        assertThat(tasklist.loginStatus()).isEqualTo(200);
        assertThat(tasklist.get(byInstance).json()).extracting(t -> t.get("id").asText()).containsExactly(id);
        assertThat(tasklist.get("/task/" + id + "/form-variables").status()).isEqualTo(200);
        assertThat(tasklist.post("/task/" + id + "/claim", "{\"userId\": \"" + owner + "\"}").status()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(owner);
        Api.Response done = tasklist.post("/task/" + id + "/submit-form", Tasks.body(validInput));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(id).count()).isZero();
    }
}
