package org.spotcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.IntegrationTest;

/**
 * One problem shape (RFC 9457) whichever door an error leaves by: a controller, the API's
 * exception handler, a security filter answering before any controller, and engine-rest.
 * Extra fields sit beside the standard ones, never nested under "properties".
 */
class ProblemShapeTest extends IntegrationTest {

    private static JsonNode problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.has("properties")).as(response.body()).isFalse();
        return problem;
    }

    @Test
    void aSecurityFilterAnswersWithTheSameShape() {
        JsonNode unauthorized = problem(api().get("/api/cases", null), 401);
        assertThat(unauthorized.get("instance").asText()).isEqualTo("/api/cases");
        problem(api().get("/api/budget", "buyer"), 403);
    }

    @Test
    void theApiAnswersWithTheSameShapeAndNamesBadFields() {
        JsonNode invalid = problem(api().get("/api/cases?size=1000", "analyst"), 400);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isNotBlank();
        problem(api().get("/api/cases/CF-1999-999999", "analyst"), 404);
    }

    @Test
    void engineRestAnswersWithTheSameShapeAndTheEnginesTypeBeside() {
        JsonNode missing = problem(api().get("/engine-rest/task/no-such-task", "admin"), 404);
        assertThat(missing.get("camundaType").asText()).isNotBlank();
    }
}
