package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.RawHttp;

/** Wrong passwords sent by someone else never stop an account from working with its own. */
class LockoutTest extends IntegrationTest {

    private RawHttp.Result attempt(String from, String user, String password) {
        return RawHttp.send(from, port(), "GET", "/api/cases?size=1", user, password, null, null);
    }

    @Test
    void strangersWrongPasswordsNeverLockIntakeOut() {
        // more wrong passwords than Camunda's own lockout allows (10), from addresses not yet throttled
        for (String stranger : new String[] {"127.0.0.2", "127.0.0.3", "127.0.0.4"}) {
            for (int i = 0; i < 4; i++) {
                assertThat(RawHttp.send(stranger, port(), "POST", "/api/cases", "intake", "guess-" + i,
                        "application/json", "{}").status()).isEqualTo(401);
            }
        }
        assertThat(engine.getIdentityService().checkPassword("intake", "intake")).isTrue();
        assertThat(api().post("/api/cases", "intake", Flags.decidedAs("TEST_BUY").toString()).status()).isEqualTo(201);
    }

    @Test
    void aGuesserIsSlowedDownAtItsOwnAddressOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt("127.0.0.5", "admin", "guess-" + i).status()).isEqualTo(401);
        }
        RawHttp.Result throttled = attempt("127.0.0.5", "admin", "guess-6");
        assertThat(throttled.status()).isEqualTo(401);
        RawHttp.Result waiting = attempt("127.0.0.5", "admin", "admin");
        assertThat(waiting.status()).as("even the right password waits its turn at that address").isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isNotBlank();
        assertThat(waiting.header("Content-Type")).startsWith("application/problem+json");

        // the last administrator still signs in, from anywhere else, by Basic and through the webapps
        assertThat(attempt("127.0.0.6", "admin", "admin").status()).isEqualTo(200);
        assertThat(api().webapp("admin", "admin", "admin").loginStatus()).isEqualTo(200);
    }

    /** The webapps' login form from another address, with the session and CSRF token a browser would fetch first. */
    private int webappLogin(String from, String user, String password) {
        java.util.Map<String, String> cookies = RawHttp.send(from, port(), "GET", "/camunda/app/tasklist/default/",
                null, null, null, null).cookies();
        String cookie = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return RawHttp.send(from, port(), "POST", "/camunda/api/admin/auth/user/default/login/tasklist", null, null,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + password,
                java.util.Map.of("Cookie", cookie, "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))).status();
    }

    @Test
    void webappSignInsAreThrottledLikeBasicOnes() {
        for (int i = 0; i < 6; i++) {
            assertThat(webappLogin("127.0.0.7", "analyst", "guess" + i)).isEqualTo(401);
        }
        assertThat(webappLogin("127.0.0.7", "analyst", "analyst")).isEqualTo(429);
        assertThat(webappLogin("127.0.0.8", "analyst", "analyst")).isEqualTo(200);
        assertThat(api().tasklist("analyst").loginStatus()).isEqualTo(200);
    }

    @Test
    void aBasicHeaderSpringReadsIsCountedHoweverItIsSpelled() {
        for (int i = 0; i < 6; i++) {
            String token = java.util.Base64.getEncoder().encodeToString(("owner:guess" + i).getBytes());
            RawHttp.send("127.0.0.9", port(), "GET", "/api/cases?size=1", null, null, null, null,
                    java.util.Map.of("Authorization", (i % 2 == 0 ? "basic\t" : "Basic:") + token));
        }
        assertThat(attempt("127.0.0.9", "owner", "owner").status()).isEqualTo(429);
    }

    @Test
    void noOneChecksPasswordsOutsideTheSignInDoors() {
        String body = "{\"username\": \"admin\", \"password\": \"admin\"}";
        assertThat(api().post("/engine-rest/identity/verify", "analyst", body).status()).isEqualTo(403);
        assertThat(api().post("/engine-rest/engine/default/identity/verify", "admin", body).status()).isEqualTo(403);
        var session = api().tasklist("analyst");
        assertThat(session.post("/identity/verify", body).status()).isEqualTo(403);
    }
}
