package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/**
 * The engine's other doors (history, variables, executions, jobs, incidents, deployments)
 * by role: staff pass the security layer and the engine's authorizations decide what they
 * see; integrations and verifiers never get in; no credentials, 401. What a role may
 * read behind each door is PersonaSecrecyTest's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorsMatrixTest extends IntegrationTest {

    private static final String[] STAFF = {"admin", "analyst", "buyer", "custodian", "liaison", "owner", "manager"};
    private static final String[] OUTSIDERS = {"intake", "rh-acme", "lab-cqi"};
    private String process;

    @BeforeAll
    void aCase() {
        String caseNumber = api().post("/api/cases", "intake", Flags.decidedAs("TEST_BUY").toString()).json()
                .get("caseNumber").asText();
        process = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
    }

    Stream<Arguments> cells() {
        String[] doors = {
            "/engine-rest/history/variable-instance?maxResults=10",
            "/engine-rest/history/detail?maxResults=10",
            "/engine-rest/history/process-instance?maxResults=10",
            "/engine-rest/history/task?maxResults=10",
            "/engine-rest/history/user-operation?maxResults=10",
            "/engine-rest/variable-instance?maxResults=10",
            "/engine-rest/execution?maxResults=10",
            "/engine-rest/job?maxResults=10",
            "/engine-rest/incident?maxResults=10",
            "/engine-rest/deployment?maxResults=10",
            "/engine-rest/process-instance/{process}/variables",
        };
        List<Arguments> cells = new ArrayList<>();
        for (String door : doors) {
            for (String user : STAFF) {
                cells.add(Arguments.of(door, user, true));
            }
            for (String user : OUTSIDERS) {
                cells.add(Arguments.of(door, user, false));
            }
            cells.add(Arguments.of(door, "-", false));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "GET {0} as {1}")
    @MethodSource("cells")
    void onlyStaffPassAndTheEngineDecidesTheRest(String door, String user, boolean staff) {
        Api.Response answer = api().get(door.replace("{process}", process), user.equals("-") ? null : user);
        if (user.equals("-")) {
            assertThat(answer.status()).isEqualTo(401);
        } else if (!staff) {
            assertThat(answer.status()).isEqualTo(403);
        } else {
            // 403 where the engine refuses the role the resource (variables of an instance not one's own)
            assertThat(answer.status()).isIn(200, 403);
        }
        assertThat(answer.status() < 400 || answer.isProblem()).as(answer.body()).isTrue();
    }
}
