package org.spotcheck.dev;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dev-mode accounts of CONTRACT.md (password = user id). This class lives on the
 * test classpath only: the production jar cannot create them.
 */
@Component
@Profile({"dev", "test"})
class DevAccounts {

    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("analyst", "triage");
        USERS.put("buyer", "test-buyers");
        USERS.put("custodian", "evidence-custodians");
        USERS.put("liaison", "enforcement-liaison");
        USERS.put("owner", "process-owners");
        USERS.put("manager", "managers");
        USERS.put("intake", "integrations");
        USERS.put("rh-acme", "verifiers");
        USERS.put("lab-cqi", "verifiers");
        USERS.put("reviewer", "appeals");
        USERS.put("monitor", "monitoring");
    }

    private final IdentityService identity;
    private final JdbcClient jdbc;

    private final String admin;
    private final String adminPassword;

    DevAccounts(IdentityService identity, JdbcClient jdbc, @Value("${camunda.bpm.admin-user.id}") String admin,
                @Value("${camunda.bpm.admin-user.password}") String adminPassword) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.admin = admin;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        // dev mode's admin (password = user id) comes from application-dev.yaml: marked like the others
        mark(admin, adminPassword);
        USERS.forEach((id, group) -> {
            if (identity.createUserQuery().userId(id).singleResult() == null) {
                User user = identity.newUser(id);
                user.setFirstName(id);
                user.setLastName("(dev)");
                user.setEmail(id + "@spotcheck.invalid");
                user.setPassword(id);
                identity.saveUser(user);
            }
            // the mark prod mode refuses to start on (security/DevAccountGuard)
            mark(id, id);
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        });
    }

    /** Marks an account whose password is still its dev one, with that password's hash. */
    private void mark(String id, String devPassword) {
        if (identity.checkPassword(id, devPassword)) {
            jdbc.sql("insert into dev_account (user_id, password_hash) select id_, pwd_ from act_id_user where id_ = :id"
                    + " on conflict (user_id) do update set password_hash = excluded.password_hash")
                    .param("id", id).update();
        }
    }
}
