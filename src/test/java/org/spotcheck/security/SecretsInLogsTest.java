package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passwords live hashed in the identity service and nowhere else: not in the log (right
 * or wrong, through HTTP Basic or the webapp login), not in answers, not in events.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest extends IntegrationTest {

    private static final String USER = "secret-check";
    private static final String PASSWORD = "Corr3ct-Horse-Battery-77";
    private static final String WRONG = "Wr0ng-Guess-Staple-42";
    private static final String CREATED_PASSWORD = "Fresh-Admin-Made-Pass-99";

    @LocalServerPort
    private int port;

    @AfterEach
    void removeUsers() {
        engine.getIdentityService().deleteUser(USER);
        engine.getIdentityService().deleteUser("made-by-admin");
    }

    private int basic(String path, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain(password);
        return response.statusCode();
    }

    @Test
    void noPasswordReachesTheLogAnAnswerOrAnEvent(CapturedOutput log) throws Exception {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(USER);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(USER, Groups.TRIAGE);

        assertThat(basic("/api/cases", USER, PASSWORD)).isEqualTo(200);
        assertThat(basic("/engine-rest/task?maxResults=10", USER, PASSWORD)).isEqualTo(200);
        assertThat(api().tasklist(USER, PASSWORD).loginStatus()).isEqualTo(200);
        // wrong ones last: a failed login locks the user for a few seconds
        assertThat(basic("/api/cases", USER, WRONG)).isEqualTo(401);
        assertThat(basic("/engine-rest/task?maxResults=10", USER, WRONG)).isEqualTo(401);
        assertThat(api().tasklist(USER, WRONG).loginStatus()).isEqualTo(401);
        Api.Response created = api().post("/engine-rest/user/create", "admin", """
                {"profile": {"id": "made-by-admin", "firstName": "Made", "lastName": "ByAdmin", "email": "m@example.org"},
                 "credentials": {"password": "%s"}}""".formatted(CREATED_PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        assertThat(api().get("/engine-rest/user/made-by-admin/profile", "admin").body()).doesNotContain(CREATED_PASSWORD);
        api().post("/api/cases", "intake", Flags.decidedAs("REVIEW").toString());

        String everything = log.getAll();
        assertThat(everything).as("captured log (the lock after a wrong password names the user)").contains(USER);
        for (String secret : new String[] {PASSWORD, WRONG, CREATED_PASSWORD, base64(USER + ":" + PASSWORD),
                base64(USER + ":" + WRONG), base64("admin:admin")}) {
            assertThat(everything).as("the log").doesNotContain(secret);
            assertThat(jdbc.sql("select count(*) from outbox_event where data::text like :s").param("s", "%" + secret + "%")
                    .query(Long.class).single()).as("events holding " + secret).isZero();
        }
        assertThat(jdbc.sql("select pwd_ from act_id_user where id_ = :id").param("id", USER).query(String.class).single())
                .as("stored password").doesNotContain(PASSWORD).startsWith("{SHA-512}");
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
