package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/**
 * /engine-rest as Tasklist uses it: credentials required, each group sees and works on
 * its own tasks only, bad task input refused with the task left open.
 */
class EngineRestAccessTest extends IntegrationTest {

    private String openTask(String caseNumber) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private String newCase(String decision) {
        return api().post("/api/cases", "intake", Flags.decidedAs(decision).toString()).json()
                .get("caseNumber").asText();
    }

    @Test
    void engineRestNeedsCredentials() {
        Api.Response response = api().get("/engine-rest/task", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(api().get("/engine-rest/engine", "nobody").status()).isEqualTo(401);
    }

    @Test
    void listQueriesMustSayHowManyResultsUpToTheLimit() {
        for (String path : new String[] {"/engine-rest/task", "/engine-rest/history/process-instance",
                "/engine-rest/process-instance", "/engine-rest/filter"}) {
            Api.Response unbounded = api().get(path, "admin");
            assertThat(unbounded.status()).as(path + " without maxResults").isEqualTo(400);
            assertThat(unbounded.isProblem()).isTrue();
            assertThat(unbounded.json().get("detail").asText()).as(path)
                    .contains("unbound number of results").contains("maxResults").contains("2000");

            Api.Response tooMany = api().get(path + "?firstResult=0&maxResults=2001", "admin");
            assertThat(tooMany.status()).as(path + " with maxResults 2001").isEqualTo(400);
            assertThat(tooMany.isProblem()).isTrue();
            assertThat(tooMany.json().get("detail").asText()).contains("Max results limit of 2000 exceeded");

            assertThat(api().get(path + "?firstResult=0&maxResults=2000", "admin").status()).as(path).isEqualTo(200);
        }
        // counts stay unbounded: they return one number
        assertThat(api().get("/engine-rest/task/count", "admin").status()).isEqualTo(200);

        // Tasklist within the limit: its filters 2000 at a time, then a filter's first page of tasks
        String caseNumber = newCase("TEST_BUY");
        org.spotcheck.support.TasklistSession tasklist = api().tasklist("buyer");
        Api.Response filters = tasklist.get("/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
        assertThat(filters.status()).as(filters.body()).isEqualTo(200);
        String filterId = filters.json().get(0).get("id").asText();
        Api.Response page = tasklist.post("/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json()).hasSizeLessThanOrEqualTo(15);
        assertThat(page.json().get(0).get("id").asText()).isEqualTo(openTask(caseNumber));
        assertThat(tasklist.get("/task?processInstanceBusinessKey=" + caseNumber).status()).isEqualTo(400);
    }

    @Test
    void buyerSeesTheTestPurchaseOfAHighRiskFlagWithItsForm() {
        String caseNumber = newCase("TEST_BUY");
        String taskId = openTask(caseNumber);

        JsonNode buyersTasks = api().get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber,
                "buyer").json();
        assertThat(buyersTasks).extracting(t -> t.get("taskDefinitionKey").asText())
                .containsExactly("Task_PerformTestPurchase");
        Api.Response form = api().get("/engine-rest/task/" + taskId + "/deployed-form", "buyer");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo("perform-test-purchase");
        JsonNode variables = api().get("/engine-rest/task/" + taskId + "/form-variables", "buyer").json();
        assertThat(variables.at("/caseNumber/value").asText()).isEqualTo(caseNumber);
        assertThat(variables.at("/listingUrl/value").asText()).startsWith("https://shop.example/");
    }

    @Test
    void otherGroupsNeitherSeeNorCompleteTheBuyersTask() {
        String caseNumber = newCase("TEST_BUY");
        String taskId = openTask(caseNumber);

        for (String outsider : new String[] {"intake", "rh-acme"}) {
            Api.Response denied = api().get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber,
                    outsider);
            assertThat(denied.status()).as(outsider).isEqualTo(403);
            assertThat(api().post("/engine-rest/task/" + taskId + "/complete", outsider, "{}").status()).isEqualTo(403);
        }
        for (String user : new String[] {"analyst", "custodian", "liaison"}) {
            assertThat(api().get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber, user).json())
                    .as(user).isEmpty();
            Api.Response variables = api().get("/engine-rest/task/" + taskId + "/variables", user);
            assertThat(variables.status()).as(user).isEqualTo(403);
            assertThat(variables.isProblem()).isTrue();
            Api.Response complete = api().post("/engine-rest/task/" + taskId + "/complete", user, "{}");
            assertThat(complete.status()).as(user).isEqualTo(403);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void eachTaskGroupHasItsOwnTasklistFilter() {
        JsonNode analystFilters = api().get("/engine-rest/filter?maxResults=100", "analyst").json();
        assertThat(analystFilters).extracting(f -> f.at("/query/candidateGroup").asText()).containsExactly("triage");
        JsonNode buyerFilters = api().get("/engine-rest/filter?maxResults=100", "buyer").json();
        assertThat(buyerFilters).extracting(f -> f.at("/query/candidateGroup").asText()).containsExactly("test-buyers");
        String filterId = buyerFilters.get(0).get("id").asText();
        String caseNumber = newCase("TEST_BUY");

        // the filter's query narrowed to this case, as Tasklist's search does: the suite leaves many purchases open
        JsonNode listed = api().post("/engine-rest/filter/" + filterId + "/list?maxResults=100", "buyer",
                "{\"processInstanceBusinessKey\": \"" + caseNumber + "\"}").json();

        assertThat(listed.toString()).contains(openTask(caseNumber));
        assertThat(api().get("/engine-rest/filter/" + filterId + "/list?maxResults=100", "analyst").status()).isEqualTo(403);
    }

    @Test
    void reviewCompletionWithoutADecisionIsRefusedAndTheTaskStaysOpen() {
        String caseNumber = newCase("REVIEW");
        String taskId = openTask(caseNumber);

        Api.Response refused = api().post("/engine-rest/task/" + taskId + "/complete", "analyst",
                "{\"variables\": {\"triageApproved\": {\"value\": \"maybe\", \"type\": \"String\"}}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).contains("triageApproved");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(api().get("/api/cases/" + caseNumber, "analyst").json().get("status").asText())
                .isEqualTo("AWAITING_REVIEW");

        Api.Response approved = api().post("/engine-rest/task/" + taskId + "/complete", "analyst",
                "{\"variables\": {\"triageApproved\": {\"value\": true, \"type\": \"Boolean\"}}}");

        assertThat(approved.status()).isEqualTo(204);
        JsonNode view = api().get("/api/cases/" + caseNumber, "analyst").json();
        assertThat(view.get("status").asText()).isEqualTo("AWAITING_PURCHASE");
        assertThat(view.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("analyst");
            assertThat(e.get("text").asText()).contains("approved");
        });
    }

    private Api.Response deploy(String user) {
        String boundary = "spotcheck-boundary";
        String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
                .createExecutableProcess("access-check-" + user).camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\naccess-check\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"access-check.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return api().post("/engine-rest/deployment/create", user, body, "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void onlyProcessOwnersAndAdminsDeployAndOnlyAdminsManageUsersAndAuthorizations() {
        for (String user : new String[] {"analyst", "buyer", "custodian", "liaison", "manager"}) {
            assertThat(deploy(user).status()).as(user + " deploys").isEqualTo(403);
        }
        for (String user : new String[] {"owner", "admin"}) {
            Api.Response deployed = deploy(user);
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        }
        String newUser = "{\"profile\": {\"id\": \"sneaky\", \"firstName\": \"S\", \"lastName\": \"N\"},"
                + " \"credentials\": {\"password\": \"sneaky-password-1\"}}";
        String grant = "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"%s\", \"resourceType\": 0,"
                + " \"resourceId\": \"*\"}";
        for (String user : new String[] {"analyst", "buyer", "custodian", "liaison", "owner", "manager"}) {
            assertThat(api().post("/engine-rest/user/create", user, newUser).status()).as(user + " creates a user")
                    .isEqualTo(403);
            assertThat(api().post("/engine-rest/authorization/create", user, grant.formatted(user)).status())
                    .as(user + " grants itself everything").isEqualTo(403);
            assertThat(api().put("/engine-rest/group/triage/members/" + user, user, "").status())
                    .as(user + " joins triage").isEqualTo(403);
        }
        assertThat(engine.getIdentityService().createUserQuery().userId("sneaky").count()).isZero();
        assertThat(engine.getIdentityService().createGroupQuery().groupMember("buyer").groupId("triage").count()).isZero();
    }
}
