package org.spotcheck.engine.guard;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda gives every new user ALL on its own user: it could change its name, email and
 * password through engine-rest or the Admin app. In spotcheck a user may read its own
 * profile; only admins change users (a changed email or password is an admin's act).
 */
class ReadOnlySelf extends DefaultAuthorizationProvider {

    static final Permission[] SELF = {Permissions.READ};

    @Override
    public AuthorizationEntity[] newUser(User user) {
        AuthorizationEntity[] granted = super.newUser(user);
        if (granted != null) {
            for (AuthorizationEntity authorization : granted) {
                authorization.setPermissions(SELF);
            }
        }
        return granted;
    }
}
