package org.spotcheck.security;

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
            DevAccountGuard prod = new DevAccountGuard(jdbc, new MockEnvironment(), engine);
            assertThatThrownBy(prod::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("analyst").hasMessageNotContaining("real-person");

            // a dev account given a real password is a dev account no more
            User liaison = identity.createUserQuery().userId("liaison").singleResult();
            liaison.setPassword("a-real-password-at-last");
            identity.saveUser(liaison);
            assertThatThrownBy(prod::afterPropertiesSet).hasMessageContaining("analyst").hasMessageNotContaining("liaison");
        } finally {
            analyst.setEmail("analyst@spotcheck.invalid");
            identity.saveUser(analyst);
            identity.deleteUser("real-person");
            User liaison = identity.createUserQuery().userId("liaison").singleResult();
            liaison.setPassword("liaison");
            identity.saveUser(liaison);
            jdbc.sql("update dev_account set password_hash = (select pwd_ from act_id_user where id_ = 'liaison')"
                    + " where user_id = 'liaison'").update();
        }
    }
}
