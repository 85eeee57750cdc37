package org.spotcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of {@code /api} (CONTRACT.md, "Managers and operators") is complete and for
 * staff: every handler of {@code /api} is in it with its method and path, and nothing else is; each
 * operation says what it does, what it answers and how it refuses (problem+json); staff read it and
 * Swagger UI over HTTP Basic, no one else does, and its door counts failed sign-ins like every other.
 */
class OpenApiTest extends IntegrationTest {

    private static final List<String> DOORS = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
            "/swagger-ui.html", "/swagger-ui/index.html");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode description() {
        Api.Response docs = api().get("/v3/api-docs", "analyst");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        return docs.json();
    }

    /** "GET /api/cases/{}": a path variable is a path variable, whatever its name. */
    private static String operation(String method, String path) {
        return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void everyApiHandlerIsDescribedWithItsMethodAndPathAndNothingElseIs() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/") || path.equals("/api")) {
                    assertThat(mapping.getMethodsCondition().getMethods()).as("%s names its HTTP method", path).isNotEmpty();
                    mapping.getMethodsCondition().getMethods().forEach(m -> handlers.add(operation(m.name(), path)));
                }
            }
        }
        Set<String> described = new TreeSet<>();
        description().get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> described.add(operation(method.getKey(), path.getKey()))));

        assertThat(handlers).as("the handlers of /api").hasSizeGreaterThanOrEqualTo(26);
        assertThat(described).isEqualTo(handlers);
    }

    @Test
    void everyOperationSaysWhatItDoesAnswersAndHowItRefuses() {
        JsonNode api = description();
        List<String> wanting = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String name = operation(method.getKey(), path.getKey());
            JsonNode op = method.getValue();
            if (op.path("summary").asText().isBlank() || op.path("description").asText().isBlank()) {
                wanting.add(name + ": a summary and a description");
            }
            if (op.path("tags").size() != 1) {
                wanting.add(name + ": one tag, its capability");
            }
            List<String> codes = new ArrayList<>();
            op.get("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
                wanting.add(name + ": a success answer");
            }
            if (codes.stream().noneMatch(c -> c.startsWith("4") && isProblem(op.get("responses").get(c)))) {
                wanting.add(name + ": a 4xx answer as application/problem+json");
            }
            if (!codes.containsAll(List.of("401", "403"))) {
                wanting.add(name + ": 401 and 403");
            }
            codes.stream().filter(c -> c.startsWith("4") || c.startsWith("5")).forEach(code -> {
                if (!isProblem(op.get("responses").get(code))) {
                    wanting.add(name + " " + code + ": a problem with its example");
                }
            });
            if (op.has("requestBody") && !codes.containsAll(List.of("400", "413", "415"))) {
                wanting.add(name + ": 400, 413 and 415 for its body");
            }
            op.get("responses").properties().forEach(code -> {
                JsonNode json = code.getValue().path("content").path("application/json");
                List<JsonNode> examples = new ArrayList<>();
                json.path("examples").forEach(example -> examples.add(example.get("value")));
                if (json.has("example")) {
                    examples.add(json.get("example"));
                }
                examples.stream().filter(example -> !example.isContainerNode()).forEach(example ->
                        wanting.add(name + " " + code.getKey() + ": an example that is JSON, not " + example));
            });
        }));
        assertThat(wanting).isEmpty();
    }

    /** Answered as application/problem+json with the Problem schema, and each example is a problem of that status. */
    private static boolean isProblem(JsonNode response) {
        JsonNode problem = response.path("content").path("application/problem+json");
        if (!problem.path("schema").path("$ref").asText().endsWith("/Problem") || problem.path("examples").isEmpty()) {
            return false;
        }
        for (JsonNode example : problem.get("examples")) {
            JsonNode value = example.get("value");
            if (value.path("title").asText().isBlank() || value.path("detail").asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void itDescribesTheProblemShapeTheSignInAndEachCapability() {
        JsonNode api = description();
        assertThat(api.at("/info/title").asText()).isEqualTo("spotcheck API");
        assertThat(api.at("/info/version").asText()).isNotBlank();
        assertThat(api.at("/info/description").asText()).contains("HTTP Basic", "application/problem+json", "errors");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/security/0").has("basicAuth")).isTrue();
        JsonNode problem = api.at("/components/schemas/Problem/properties");
        assertThat(problem.properties()).extracting(Map.Entry::getKey)
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(api.at("/components/schemas/FieldError/properties").has("field")).isTrue();
        assertThat(api.get("tags")).allSatisfy(tag -> assertThat(tag.path("description").asText()).isNotBlank());
        assertThat(api.get("tags")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void aRequestBodyComesWithAnExample() {
        JsonNode api = description();
        JsonNode flag = api.at("/components/schemas/FlagRequest/properties");
        assertThat(flag.at("/flagId/example").asText()).isEqualTo("RM-2026-000001");
        assertThat(api.at("/components/schemas/ListingPart/properties/platform/example").asText()).isEqualTo("taobao");
        assertThat(api.at("/paths/~1api~1flags/post/requestBody/content/application~1json/schema/properties/flags/items/$ref")
                .asText()).endsWith("/FlagRequest");
    }

    @Test
    void onlyStaffReadTheDescriptionAndSwaggerUi() {
        for (String door : DOORS) {
            Api.Response anonymous = api().get(door, null);
            assertThat(anonymous.status()).as(door).isEqualTo(401);
            assertThat(anonymous.isProblem()).as(door).isTrue();
            for (String outsider : new String[] {"intake", "rh-acme", "lab-cqi"}) {
                Api.Response refused = api().get(door, outsider);
                assertThat(refused.status()).as(outsider + " " + door).isEqualTo(403);
                assertThat(refused.isProblem()).as(outsider + " " + door).isTrue();
            }
        }
        assertThat(api().get("/v3/api-docs", "buyer").status()).isEqualTo(200);
        assertThat(api().get("/v3/api-docs.yaml", "manager").body()).contains("spotcheck API");

        Api.Response ui = api().get("/swagger-ui.html", "analyst");
        assertThat(ui.status()).isEqualTo(302);
        assertThat(ui.location()).endsWith("/swagger-ui/index.html");
        Api.Response page = api().get("/swagger-ui/index.html", "analyst");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(api().get("/v3/api-docs/swagger-config", "analyst").body()).contains("/v3/api-docs");
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsWhileTheApiStillRunsNothing() throws Exception {
        String ui = contentSecurityPolicy("/swagger-ui/index.html");
        assertThat(ui).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(ui).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(contentSecurityPolicy("/api/cases")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    private String contentSecurityPolicy(String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port() + path)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("Content-Security-Policy").orElse("");
    }

    @Test
    void wrongPasswordsAtTheDescriptionAreThrottledLikeEverywhere() {
        for (int i = 0; i < 6; i++) {
            assertThat(RawHttp.send("127.0.0.31", port(), "GET", "/v3/api-docs", "owner", "guess-" + i, null, null)
                    .status()).isEqualTo(401);
        }
        RawHttp.Result waiting = RawHttp.send("127.0.0.31", port(), "GET", "/swagger-ui.html", "owner", "owner", null, null);
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isNotBlank();
    }
}
