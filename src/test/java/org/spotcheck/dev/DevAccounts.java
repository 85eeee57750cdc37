package org.spotcheck.dev;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
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
    }

    private final IdentityService identity;

    DevAccounts(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        USERS.forEach((id, group) -> {
            if (identity.createUserQuery().userId(id).singleResult() == null) {
                User user = identity.newUser(id);
                user.setFirstName(id);
                user.setLastName("(dev)");
                user.setEmail(id + "@spotcheck.invalid");
                user.setPassword(id);
                identity.saveUser(user);
            }
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        });
    }
}
