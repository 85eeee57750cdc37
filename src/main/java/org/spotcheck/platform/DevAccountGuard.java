package org.spotcheck.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Prod mode refuses to start on a database that holds the dev accounts (password = user
 * id, marked by their @spotcheck.invalid address): that database was a dev database.
 */
@Component
class DevAccountGuard implements InitializingBean {

    static final String DEV_EMAIL_DOMAIN = "@spotcheck.invalid";

    private final IdentityService identity;
    private final Environment environment;

    DevAccountGuard(IdentityService identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            return;
        }
        List<String> dev = identity.createUserQuery().userEmailLike("%" + DEV_EMAIL_DOMAIN).list().stream()
                .map(User::getId).toList();
        if (!dev.isEmpty()) {
            throw new IllegalStateException("spotcheck cannot start in prod mode: the database holds dev accounts "
                    + dev + " (password = user id). Delete them in the Admin app from a dev start, or point "
                    + "SPOTCHECK_DB_URL at the production database.");
        }
    }
}
