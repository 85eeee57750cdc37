package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Prod mode (a minimum of 32) refuses a machine account whose secret is short, even when it is right. */
class MachineSecretTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity, 32);

    private void account(String user, String password, String... groups) {
        when(identity.checkPassword(user, password)).thenReturn(true);
        List<Group> memberships = java.util.Arrays.stream(groups).map(id -> {
            Group group = mock(Group.class);
            when(group.getId()).thenReturn(id);
            return group;
        }).toList();
        when(identity.createGroupQuery().groupMember(user).list()).thenReturn(memberships);
    }

    @Test
    void aShortMachineSecretIsRefusedALongOneAndPeoplesPasswordsAreNot() {
        account("intake", "intake-2026", Groups.INTEGRATIONS);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("intake", "intake-2026")))
                .isInstanceOf(BadCredentialsException.class);

        String secret = "k3Jq9v0Zp2Lw8Xr5Tb7Nc1Md4Fg6Hs0Ye";
        account("rh-acme", secret, Groups.VERIFIERS);
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("rh-acme", secret))
                .getAuthorities()).extracting(Object::toString).containsExactly("GROUP_verifiers");

        account("prometheus", "scrape-2026", Groups.MONITORING);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("prometheus",
                "scrape-2026"))).as("a monitoring account is a machine too").isInstanceOf(BadCredentialsException.class);

        account("analyst", "short-but-human", Groups.TRIAGE);
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("analyst", "short-but-human"))
                .isAuthenticated()).isTrue();
    }
}
