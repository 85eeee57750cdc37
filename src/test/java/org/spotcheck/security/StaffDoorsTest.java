package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.IntegrationTest;

/** The webapps are for staff, and no one but an admin changes a user. */
class StaffDoorsTest extends IntegrationTest {

    @Test
    void verifiersAndIntegrationsCannotSignInToAnyWebapp() {
        for (String outsider : new String[] {"rh-acme", "lab-cqi", "intake"}) {
            for (String app : new String[] {"welcome", "tasklist", "cockpit", "admin"}) {
                var session = api().webapp(app, outsider, outsider);
                assertThat(session.loginStatus()).as(outsider + " in " + app).isEqualTo(401);
                assertThat(session.getRaw("/camunda/api/engine/engine/default/task").status()).as(outsider).isEqualTo(401);
            }
        }
        assertThat(api().webapp("welcome", "analyst", "analyst").loginStatus()).isEqualTo(200);
    }

    @Test
    void anEncodedLoginPathIsTheLoginPathToo() {
        // an account of its own: its failed sign-ins here must not meet the throttle
        String probe = "rh-probe-" + System.nanoTime();
        var user = engine.getIdentityService().newUser(probe);
        user.setPassword("probe-secret");
        engine.getIdentityService().saveUser(user);
        engine.getIdentityService().createMembership(probe, Groups.VERIFIERS);
        for (String path : new String[] {"/camunda/api/admin/auth/user/default/%6Cogin/welcome",
                "/camunda/api/admin/auth/user/default/login/%77elcome", "/camunda/api/admin/auth/user/default/login;x=1/welcome",
                "/camunda/api/admin/auth/user//default/login/welcome", "/camunda/%61pi/admin/auth/user/default/login/welcome"}) {
            // refused like a wrong password where it routes to the login, not found where it does not
            assertThat(api().webappLoginAt(path, probe, "probe-secret").loginStatus()).as(path).isIn(401, 404);
        }
    }

    @Test
    void noUserChangesItsOwnProfileOrPassword() {
        String profile = "{\"id\": \"buyer\", \"firstName\": \"buyer\", \"lastName\": \"(dev)\", \"email\": \"x@example.com\"}";
        Api.Response own = api().put("/engine-rest/user/buyer/profile", "buyer", profile);
        assertThat(own.status()).isEqualTo(403);
        assertThat(api().put("/engine-rest/user/buyer/credentials", "buyer",
                "{\"password\": \"new-password-1\", \"authenticatedUserPassword\": \"buyer\"}").status()).isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("buyer").singleResult().getEmail())
                .isEqualTo("buyer@spotcheck.invalid");
        assertThat(api().get("/engine-rest/user/buyer/profile", "buyer").status()).as("reading it is fine").isEqualTo(200);

        assertThat(api().put("/engine-rest/user/buyer/profile", "admin",
                profile.replace("x@example.com", "buyer@spotcheck.invalid")).status()).isEqualTo(204);
    }

    @Test
    void noUserGrantsItselfAGroupOrAnAuthorization() {
        assertThat(api().put("/engine-rest/group/camunda-admin/members/owner", "owner", "").status()).isEqualTo(403);
        assertThat(api().post("/engine-rest/authorization/create", "owner", "{\"type\": 1, \"permissions\": [\"ALL\"],"
                + " \"userId\": \"owner\", \"resourceType\": 0, \"resourceId\": \"*\"}").status()).isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("owner").count())
                .isZero();
    }
}
