package org.spotcheck.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity service: the same users and passwords as the
 * webapps' login, their groups as authorities. Machine accounts (integrations,
 * verifiers, monitoring) must use a long random secret ({@code spotcheck.security.machine-secret-min-length},
 * 32 in prod): with no lockout, only its length keeps a machine secret from being guessed.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);

    private final IdentityService identity;
    private final int machineSecretMinLength;

    CamundaIdentityAuthenticationProvider(IdentityService identity,
            @Value("${spotcheck.security.machine-secret-min-length}") int machineSecretMinLength) {
        this.identity = identity;
        this.machineSecretMinLength = machineSecretMinLength;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        if (isMachine(groups) && credentials.toString().length() < machineSecretMinLength) {
            // a guessable machine secret is refused even when right: set a random one of the required length
            log.warn("Refused machine account '{}': its secret is shorter than {} characters", user, machineSecretMinLength);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> authorities = groups.stream()
                .map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** Integration, verifier and monitoring accounts are machines: no staff group. */
    static boolean isMachine(List<String> groups) {
        return (groups.contains(Groups.INTEGRATIONS) || groups.contains(Groups.VERIFIERS)
                || groups.contains(Groups.MONITORING))
                && groups.stream().noneMatch(Groups.STAFF::contains);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
