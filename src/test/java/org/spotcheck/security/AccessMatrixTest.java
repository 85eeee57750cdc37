package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/**
 * Every role against every endpoint, the negative cells included: 401 without
 * credentials, 403 for a group that may not, and for the groups that may, an answer past
 * the security layer (bodies here are empty, so writing endpoints answer 400 and change
 * nothing). "-" as user means no credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTest {

    private String caseNumber;
    private Task purchase;

    @BeforeAll
    void aCase() {
        caseNumber = api().post("/api/cases", "intake", Flags.decidedAs("TEST_BUY").toString()).json()
                .get("caseNumber").asText();
        purchase = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    @ParameterizedTest(name = "{0} {1} as {3} -> {4}")
    @CsvSource(textBlock = """
            GET, /api/cases, -, admin, 200
            GET, /api/cases, -, analyst, 200
            GET, /api/cases, -, buyer, 200
            GET, /api/cases, -, custodian, 200
            GET, /api/cases, -, liaison, 200
            GET, /api/cases, -, owner, 200
            GET, /api/cases, -, manager, 200
            GET, /api/cases, -, intake, 403
            GET, /api/cases, -, rh-acme, 403
            GET, /api/cases, -, -, 401
            GET, /api/cases/{case}, -, admin, 200
            GET, /api/cases/{case}, -, analyst, 200
            GET, /api/cases/{case}, -, buyer, 200
            GET, /api/cases/{case}, -, custodian, 200
            GET, /api/cases/{case}, -, liaison, 200
            GET, /api/cases/{case}, -, owner, 200
            GET, /api/cases/{case}, -, manager, 200
            GET, /api/cases/{case}, -, intake, 403
            GET, /api/cases/{case}, -, rh-acme, 403
            GET, /api/cases/{case}, -, -, 401
            GET, /api/cases/{case}/custody, -, admin, 200
            GET, /api/cases/{case}/custody, -, analyst, 200
            GET, /api/cases/{case}/custody, -, buyer, 200
            GET, /api/cases/{case}/custody, -, custodian, 200
            GET, /api/cases/{case}/custody, -, liaison, 200
            GET, /api/cases/{case}/custody, -, owner, 200
            GET, /api/cases/{case}/custody, -, manager, 200
            GET, /api/cases/{case}/custody, -, intake, 403
            GET, /api/cases/{case}/custody, -, rh-acme, 403
            GET, /api/cases/{case}/custody, -, -, 401
            GET, /api/cases/{case}/flags, -, admin, 200
            GET, /api/cases/{case}/flags, -, analyst, 200
            GET, /api/cases/{case}/flags, -, buyer, 200
            GET, /api/cases/{case}/flags, -, custodian, 200
            GET, /api/cases/{case}/flags, -, liaison, 200
            GET, /api/cases/{case}/flags, -, owner, 200
            GET, /api/cases/{case}/flags, -, manager, 200
            GET, /api/cases/{case}/flags, -, intake, 403
            GET, /api/cases/{case}/flags, -, rh-acme, 403
            GET, /api/cases/{case}/flags, -, -, 401
            GET, /api/cases/{case}/timeline, -, admin, 200
            GET, /api/cases/{case}/timeline, -, analyst, 200
            GET, /api/cases/{case}/timeline, -, buyer, 200
            GET, /api/cases/{case}/timeline, -, custodian, 200
            GET, /api/cases/{case}/timeline, -, liaison, 200
            GET, /api/cases/{case}/timeline, -, owner, 200
            GET, /api/cases/{case}/timeline, -, manager, 200
            GET, /api/cases/{case}/timeline, -, intake, 403
            GET, /api/cases/{case}/timeline, -, rh-acme, 403
            GET, /api/cases/{case}/timeline, -, -, 401
            GET, /api/evidence/verify, -, admin, 200
            GET, /api/evidence/verify, -, analyst, 200
            GET, /api/evidence/verify, -, buyer, 200
            GET, /api/evidence/verify, -, custodian, 200
            GET, /api/evidence/verify, -, liaison, 200
            GET, /api/evidence/verify, -, owner, 200
            GET, /api/evidence/verify, -, manager, 200
            GET, /api/evidence/verify, -, intake, 403
            GET, /api/evidence/verify, -, rh-acme, 403
            GET, /api/evidence/verify, -, -, 401
            POST, /api/cases, {}, admin, 403
            POST, /api/cases, {}, analyst, 403
            POST, /api/cases, {}, buyer, 403
            POST, /api/cases, {}, custodian, 403
            POST, /api/cases, {}, liaison, 403
            POST, /api/cases, {}, owner, 403
            POST, /api/cases, {}, manager, 403
            POST, /api/cases, {}, intake, 400
            POST, /api/cases, {}, rh-acme, 403
            POST, /api/cases, {}, -, 401
            GET, /api/budget, -, admin, 200
            GET, /api/budget, -, analyst, 403
            GET, /api/budget, -, buyer, 403
            GET, /api/budget, -, custodian, 403
            GET, /api/budget, -, liaison, 403
            GET, /api/budget, -, owner, 403
            GET, /api/budget, -, manager, 200
            GET, /api/budget, -, intake, 403
            GET, /api/budget, -, rh-acme, 403
            GET, /api/budget, -, -, 401
            PUT, /api/budget, {}, admin, 400
            PUT, /api/budget, {}, analyst, 403
            PUT, /api/budget, {}, buyer, 403
            PUT, /api/budget, {}, custodian, 403
            PUT, /api/budget, {}, liaison, 403
            PUT, /api/budget, {}, owner, 403
            PUT, /api/budget, {}, manager, 403
            PUT, /api/budget, {}, intake, 403
            PUT, /api/budget, {}, rh-acme, 403
            PUT, /api/budget, {}, -, 401
            GET, /api/personas, -, admin, 200
            GET, /api/personas, -, analyst, 403
            GET, /api/personas, -, buyer, 403
            GET, /api/personas, -, custodian, 403
            GET, /api/personas, -, liaison, 403
            GET, /api/personas, -, owner, 403
            GET, /api/personas, -, manager, 403
            GET, /api/personas, -, intake, 403
            GET, /api/personas, -, rh-acme, 403
            GET, /api/personas, -, -, 401
            POST, /api/personas, {}, admin, 400
            POST, /api/personas, {}, analyst, 403
            POST, /api/personas, {}, buyer, 403
            POST, /api/personas, {}, custodian, 403
            POST, /api/personas, {}, liaison, 403
            POST, /api/personas, {}, owner, 403
            POST, /api/personas, {}, manager, 403
            POST, /api/personas, {}, intake, 403
            POST, /api/personas, {}, rh-acme, 403
            POST, /api/personas, {}, -, 401
            PUT, /api/verifiers/x, {}, admin, 400
            PUT, /api/verifiers/x, {}, analyst, 403
            PUT, /api/verifiers/x, {}, buyer, 403
            PUT, /api/verifiers/x, {}, custodian, 403
            PUT, /api/verifiers/x, {}, liaison, 403
            PUT, /api/verifiers/x, {}, owner, 403
            PUT, /api/verifiers/x, {}, manager, 403
            PUT, /api/verifiers/x, {}, intake, 403
            PUT, /api/verifiers/x, {}, rh-acme, 403
            PUT, /api/verifiers/x, {}, -, 401
            POST, /api/screenings, {}, admin, 403
            POST, /api/screenings, {}, analyst, 403
            POST, /api/screenings, {}, buyer, 403
            POST, /api/screenings, {}, custodian, 403
            POST, /api/screenings, {}, liaison, 403
            POST, /api/screenings, {}, owner, 403
            POST, /api/screenings, {}, manager, 403
            POST, /api/screenings, {}, intake, 400
            POST, /api/screenings, {}, rh-acme, 403
            POST, /api/screenings, {}, -, 401
            GET, /api/reports/kpis, -, admin, 200
            GET, /api/reports/kpis, -, analyst, 403
            GET, /api/reports/kpis, -, buyer, 403
            GET, /api/reports/kpis, -, custodian, 403
            GET, /api/reports/kpis, -, liaison, 403
            GET, /api/reports/kpis, -, owner, 200
            GET, /api/reports/kpis, -, manager, 200
            GET, /api/reports/kpis, -, intake, 403
            GET, /api/reports/kpis, -, rh-acme, 403
            GET, /api/reports/kpis, -, -, 401
            POST, /api/referrals/RF-1999-000001/outcomes, {}, admin, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, analyst, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, buyer, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, custodian, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, liaison, 400
            POST, /api/referrals/RF-1999-000001/outcomes, {}, owner, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, manager, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, intake, 400
            POST, /api/referrals/RF-1999-000001/outcomes, {}, rh-acme, 403
            POST, /api/referrals/RF-1999-000001/outcomes, {}, -, 401
            POST, /api/cases/{case}/verification, {}, admin, 403
            POST, /api/cases/{case}/verification, {}, analyst, 403
            POST, /api/cases/{case}/verification, {}, buyer, 403
            POST, /api/cases/{case}/verification, {}, custodian, 403
            POST, /api/cases/{case}/verification, {}, liaison, 403
            POST, /api/cases/{case}/verification, {}, owner, 403
            POST, /api/cases/{case}/verification, {}, manager, 403
            POST, /api/cases/{case}/verification, {}, intake, 403
            POST, /api/cases/{case}/verification, {}, rh-acme, 400
            POST, /api/cases/{case}/verification, {}, -, 401
            GET, /engine-rest/task?maxResults=10, -, admin, 200
            GET, /engine-rest/task?maxResults=10, -, analyst, 200
            GET, /engine-rest/task?maxResults=10, -, buyer, 200
            GET, /engine-rest/task?maxResults=10, -, custodian, 200
            GET, /engine-rest/task?maxResults=10, -, liaison, 200
            GET, /engine-rest/task?maxResults=10, -, owner, 200
            GET, /engine-rest/task?maxResults=10, -, manager, 200
            GET, /engine-rest/task?maxResults=10, -, intake, 403
            GET, /engine-rest/task?maxResults=10, -, rh-acme, 403
            GET, /engine-rest/task?maxResults=10, -, -, 401
            GET, /engine-rest/process-definition?maxResults=10, -, admin, 200
            GET, /engine-rest/process-definition?maxResults=10, -, analyst, 200
            GET, /engine-rest/process-definition?maxResults=10, -, buyer, 200
            GET, /engine-rest/process-definition?maxResults=10, -, custodian, 200
            GET, /engine-rest/process-definition?maxResults=10, -, liaison, 200
            GET, /engine-rest/process-definition?maxResults=10, -, owner, 200
            GET, /engine-rest/process-definition?maxResults=10, -, manager, 200
            GET, /engine-rest/process-definition?maxResults=10, -, intake, 403
            GET, /engine-rest/process-definition?maxResults=10, -, rh-acme, 403
            GET, /engine-rest/process-definition?maxResults=10, -, -, 401
            GET, /engine-rest/task/{task}/comment, -, admin, 200
            GET, /engine-rest/task/{task}/comment, -, analyst, 404
            GET, /engine-rest/task/{task}/comment, -, buyer, 200
            GET, /engine-rest/task/{task}/comment, -, custodian, 404
            GET, /engine-rest/task/{task}/comment, -, liaison, 404
            GET, /engine-rest/task/{task}/comment, -, owner, 404
            GET, /engine-rest/task/{task}/comment, -, manager, 404
            GET, /engine-rest/task/{task}/comment, -, intake, 403
            GET, /engine-rest/task/{task}/comment, -, rh-acme, 403
            GET, /engine-rest/task/{task}/comment, -, -, 401
            GET, /engine-rest/task/{task}/attachment, -, admin, 200
            GET, /engine-rest/task/{task}/attachment, -, analyst, 404
            GET, /engine-rest/task/{task}/attachment, -, buyer, 200
            GET, /engine-rest/task/{task}/attachment, -, custodian, 404
            GET, /engine-rest/task/{task}/attachment, -, liaison, 404
            GET, /engine-rest/task/{task}/attachment, -, owner, 404
            GET, /engine-rest/task/{task}/attachment, -, manager, 404
            GET, /engine-rest/task/{task}/attachment, -, intake, 403
            GET, /engine-rest/task/{task}/attachment, -, rh-acme, 403
            GET, /engine-rest/task/{task}/attachment, -, -, 401
            POST, /engine-rest/task/{task}/comment/create, {}, admin, 400
            POST, /engine-rest/task/{task}/comment/create, {}, analyst, 404
            POST, /engine-rest/task/{task}/comment/create, {}, buyer, 400
            POST, /engine-rest/task/{task}/comment/create, {}, custodian, 404
            POST, /engine-rest/task/{task}/comment/create, {}, liaison, 404
            POST, /engine-rest/task/{task}/comment/create, {}, owner, 404
            POST, /engine-rest/task/{task}/comment/create, {}, manager, 404
            POST, /engine-rest/task/{task}/comment/create, {}, intake, 403
            POST, /engine-rest/task/{task}/comment/create, {}, rh-acme, 403
            POST, /engine-rest/task/{task}/comment/create, {}, -, 401
            GET, /engine-rest/process-instance/{process}/comment, -, admin, 200
            GET, /engine-rest/process-instance/{process}/comment, -, analyst, 403
            GET, /engine-rest/process-instance/{process}/comment, -, buyer, 403
            GET, /engine-rest/process-instance/{process}/comment, -, custodian, 403
            GET, /engine-rest/process-instance/{process}/comment, -, liaison, 403
            GET, /engine-rest/process-instance/{process}/comment, -, owner, 403
            GET, /engine-rest/process-instance/{process}/comment, -, manager, 403
            GET, /engine-rest/process-instance/{process}/comment, -, intake, 403
            GET, /engine-rest/process-instance/{process}/comment, -, rh-acme, 403
            GET, /engine-rest/process-instance/{process}/comment, -, -, 401
            GET, /api/unknown-endpoint, -, admin, 403
            GET, /api/unknown-endpoint, -, analyst, 403
            GET, /api/unknown-endpoint, -, buyer, 403
            GET, /api/unknown-endpoint, -, custodian, 403
            GET, /api/unknown-endpoint, -, liaison, 403
            GET, /api/unknown-endpoint, -, owner, 403
            GET, /api/unknown-endpoint, -, manager, 403
            GET, /api/unknown-endpoint, -, intake, 403
            GET, /api/unknown-endpoint, -, rh-acme, 403
            GET, /api/unknown-endpoint, -, -, 401
            """)
    void answers(String method, String path, String body, String user, int expected) {
        String target = path.replace("{case}", caseNumber).replace("{task}", purchase.getId())
                .replace("{process}", purchase.getProcessInstanceId());
        String who = "-".equals(user) ? null : user;
        Api.Response response = switch (method) {
            case "GET" -> api().get(target, who);
            case "PUT" -> api().put(target, who, body);
            default -> api().post(target, who, "-".equals(body) ? "" : body);
        };

        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).as("problem+json: " + response.contentType()).isTrue();
        }
    }
}
