package org.spotcheck.security;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prod mode refuses to start on a database that holds the dev accounts (password = user
 * id): that database was a dev database. Dev mode marks them in {@code dev_account}, a
 * table no API writes, so no user can fake the mark or wipe it by editing a profile.
 */
@Component
class DevAccountGuard implements InitializingBean {

    private final JdbcClient jdbc;
    private final Environment environment;

    /** The engine is a parameter so that it has created act_id_user before this runs on a new database. */
    DevAccountGuard(JdbcClient jdbc, Environment environment, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            return;
        }
        List<String> dev = jdbc.sql("select d.user_id from dev_account d join act_id_user u on u.id_ = d.user_id"
                + " and u.pwd_ = d.password_hash order by d.user_id").query(String.class).list();
        if (!dev.isEmpty()) {
            throw new IllegalStateException("spotcheck cannot start in prod mode: the database holds dev accounts "
                    + dev + " with their dev passwords (password = user id): it was a dev database. Point "
                    + "SPOTCHECK_DB_URL at the production database, or give those accounts real passwords "
                    + "(Admin app of a dev start) or delete them.");
        }
    }
}
