package org.spotcheck.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;
import org.springframework.mock.env.MockEnvironment;

/** Dev accounts are known by a mark no user can set or remove, not by anything in a profile. */
class DevAccountGuardTest extends IntegrationTest {

    @Test
    void editedEmailsNeitherHideADevAccountNorMakeARealOneLookLikeOne() {
        IdentityService identity = engine.getIdentityService();
        User analyst = identity.createUserQuery().userId("analyst").singleResult();
        analyst.setEmail("analyst@example.com");
        identity.saveUser(analyst);
        User real = identity.newUser("real-person");
        real.setEmail("real-person@spotcheck.invalid");
        real.setPassword("a-long-enough-password");
        identity.saveUser(real);
        try {
            // no profile: prod mode
            DevAccountGuard prod = new DevAccountGuard(jdbc, new MockEnvironment());
            assertThatThrownBy(prod::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("analyst").hasMessageNotContaining("real-person");
        } finally {
            analyst.setEmail("analyst@spotcheck.invalid");
            identity.saveUser(analyst);
            identity.deleteUser("real-person");
        }
    }
}
