package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application API answers with browser-hardening headers, refusals included; the webapps keep their CSRF token. */
class SecurityHeadersTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiAnswersCarryHardeningHeaders() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {get("/api/cases", "analyst"), get("/api/cases", null),
                get("/api/budget", "buyer"), get("/engine-rest/task?maxResults=10", "analyst")}) {
            HttpHeaders headers = response.headers();
            String as = response.uri() + " " + response.statusCode();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(as).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(as).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).as(as)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Cache-Control").orElse("")).as(as).contains("no-store");
            assertThat(headers.firstValue("Set-Cookie")).as(as + ": stateless, no session").isEmpty();
        }
    }

    @Test
    void webappsRefuseAChangeWithoutTheirCsrfToken() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=analyst")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }
}
