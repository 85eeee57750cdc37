package org.spotcheck.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who is signed in to the Camunda webapps in this browser session: pages of spotcheck's own
 * (the dashboard) use the same users and the same login, no second password.
 */
public final class WebappLogin {

    /** A signed-in user and its groups. */
    public record Login(String userId, List<String> groupIds) {

        public boolean memberOfAny(List<String> groups) {
            return groupIds.stream().anyMatch(groups::contains);
        }
    }

    private WebappLogin() {
    }

    public static Optional<Login> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (logins == null) {
            return Optional.empty();
        }
        return logins.getAuthentications().stream().findFirst()
                .map(login -> new Login(login.getIdentityId(), List.copyOf(login.getGroupIds())));
    }
}
