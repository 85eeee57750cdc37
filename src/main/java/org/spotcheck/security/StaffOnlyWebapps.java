package org.spotcheck.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps (Tasklist, Cockpit, Admin, Welcome) and their API {@code /camunda/api/**}
 * are for staff. Camunda lets any user sign in to the Welcome app and then use the
 * webapps' engine API with its session; verifiers and integration accounts must not.
 * A non-staff sign-in is answered like a wrong password (nothing tells what the account
 * is), and a session of a non-staff user gets no API.
 */
class StaffOnlyWebapps extends OncePerRequestFilter {

    private static final Pattern PASSWORD_ORACLE = Pattern.compile("^/camunda/api/engine/engine/[^/]+/identity/verify/?$");

    private final IdentityService identity;
    private final ObjectMapper json;

    StaffOnlyWebapps(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LoginThrottleFilter.isWebappLogin(request)) {
            String user = request.getParameter("username");
            if (user != null && !isStaff(identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).toList())) {
                Problems.write(json, request, response, HttpStatus.UNAUTHORIZED, "Unknown user or wrong password");
                return;
            }
        } else if (PASSWORD_ORACLE.matcher(RoutedPath.of(request)).matches()) {
            // checks any user's password without the sign-in throttle: no one may use it
            Problems.write(json, request, response, HttpStatus.FORBIDDEN,
                    "Passwords are checked by signing in only");
            return;
        } else if (RoutedPath.of(request).startsWith("/camunda/api/")) {
            HttpSession session = request.getSession(false);
            Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null) {
                for (UserAuthentication login : logins.getAuthentications()) {
                    if (!isStaff(login.getGroupIds())) {
                        Problems.write(json, request, response, HttpStatus.FORBIDDEN,
                                "The webapps are for spotcheck staff; verifiers and integrations use /api");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isStaff(Collection<String> groups) {
        return groups != null && groups.stream().anyMatch(Groups.STAFF::contains);
    }
}
