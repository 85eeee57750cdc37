package org.spotcheck.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.spotcheck.security.domain.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code /api/**} and {@code /engine-rest/**} need HTTP Basic credentials of a Camunda
 * user; {@code /api} checks groups here, {@code /engine-rest} hands the user to the
 * engine, whose authorizations decide. The OpenAPI description of {@code /api} is for
 * staff, over HTTP Basic too; {@code /actuator/prometheus} is for admins and group
 * {@code monitoring}, {@code /actuator/health} is open. The webapps under {@code /camunda} keep
 * their own login, sessions and CSRF protection, untouched by these chains.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Where springdoc serves the description (JSON and YAML) and Swagger UI (application.yaml, springdoc.*). */
    static final List<String> API_DOCS = List.of("/v3/api-docs/**", "/v3/api-docs.yaml/**", "/swagger-ui.html",
            "/swagger-ui/**");

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        // Size: the API's whole access configuration, one chain Spring Security reads as a unit
        // plain path matchers: /engine-rest is Jersey's servlet, not Spring MVC's
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.POST, "/api/cases"), path(HttpMethod.POST, "/api/flags"))
                        .hasAuthority(Groups.authority(Groups.INTEGRATIONS))
                        // the risk model reads back what became of its flags
                        .requestMatchers(path(HttpMethod.GET, "/api/flags/*"), path(HttpMethod.HEAD, "/api/flags/*"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF_AND_INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.GET, "/api/listings/*/*"), path(HttpMethod.HEAD, "/api/listings/*/*"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/verification"))
                        .hasAuthority(Groups.authority(Groups.VERIFIERS))
                        // a verifier's reduced view has no flags and no timeline: paging through them is for staff
                        .requestMatchers(path("/api/cases/*/flags"), path("/api/cases/*/timeline"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF))
                        // a verifier sees the cases routed to it (checked per case), in a reduced view
                        .requestMatchers(path(HttpMethod.GET, "/api/cases/*"), path(HttpMethod.HEAD, "/api/cases/*"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF_AND_VERIFIERS))
                        // no method on the read rules: HEAD is served like GET and must be guarded like it
                        .requestMatchers(path("/api/cases"), path("/api/cases/**"), path("/api/evidence/**"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF))
                        .requestMatchers(path("/api/verifiers/**")).hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers(path(HttpMethod.POST, "/api/referrals/*/outcomes"))
                        .hasAnyAuthority(Groups.authority(Groups.ENFORCEMENT_LIAISON), Groups.authority(Groups.INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.POST, "/api/appeals"))
                        .hasAuthority(Groups.authority(Groups.INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.POST, "/api/appeals/*/rights-holder-action"))
                        .hasAuthority(Groups.authority(Groups.VERIFIERS))
                        .requestMatchers(path(HttpMethod.GET, "/api/appeals/*"), path(HttpMethod.HEAD, "/api/appeals/*"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF_AND_INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.GET, "/api/reporters/*"), path(HttpMethod.HEAD, "/api/reporters/*"))
                        .hasAnyAuthority(Groups.authorities(Groups.STAFF_AND_INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.POST, "/api/screenings")).hasAuthority(Groups.authority(Groups.INTEGRATIONS))
                        .requestMatchers(path(HttpMethod.GET, "/api/reports/transparency"),
                                path(HttpMethod.HEAD, "/api/reports/transparency"))
                        .hasAnyAuthority(Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN))
                        .requestMatchers(path(HttpMethod.GET, "/api/reports/**"), path(HttpMethod.HEAD, "/api/reports/**"))
                        .hasAnyAuthority(Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN),
                                Groups.authority(Groups.PROCESS_OWNERS))
                        .requestMatchers(path(HttpMethod.GET, "/api/budget"), path(HttpMethod.HEAD, "/api/budget"))
                        .hasAnyAuthority(Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN))
                        .requestMatchers(path("/api/budget"), path("/api/personas"), path("/api/personas/**"))
                        .hasAuthority(Groups.authority(Groups.ADMIN))
                        // a password oracle outside the sign-in doors and their throttle: no one may use it
                        .requestMatchers(path("/engine-rest/identity/verify"), path("/engine-rest/engine/*/identity/verify"))
                        .denyAll()
                        // outside parties (integrations, verifiers) get the application API only
                        .requestMatchers(path("/engine-rest/**")).hasAnyAuthority(Groups.authorities(Groups.STAFF))
                        // an endpoint without a rule is closed until it gets one
                        .anyRequest().denyAll())
                // JSON only: nothing in an answer may run, load or be framed, and nothing is cached
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp
                        .policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return basicAndStateless(http, problems);
    }

    /**
     * {@code /actuator}: health stays open to load balancers and compose (no details shown); the
     * metrics need HTTP Basic of an admin or of group {@code monitoring} (Prometheus); any other
     * actuator path, the endpoint list included, is closed.
     */
    @Bean
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.HEAD, "/actuator/health"))
                        .permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/actuator/prometheus"),
                                path(HttpMethod.HEAD, "/actuator/prometheus"))
                        .hasAnyAuthority(Groups.authority(Groups.ADMIN), Groups.authority(Groups.MONITORING))
                        .anyRequest().denyAll());
        return basicAndStateless(http, problems);
    }

    /**
     * The OpenAPI description of {@code /api} and Swagger UI (springdoc, web.OpenApiConfig): for staff,
     * over HTTP Basic as {@code /api} is, so that Swagger UI's "Try it out" calls {@code /api} with the
     * credentials the browser asked for. A chain of its own: Swagger UI is a page with scripts and styles,
     * which the API's policy ("nothing may run") would block.
     */
    @Bean
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(new OrRequestMatcher(API_DOCS.stream().map(SecurityConfig::path).toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(Groups.authorities(Groups.STAFF)))
                // Swagger UI's own scripts, images and styles (inline styles too: they run nothing); calls to this origin only
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none';"
                        + " script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'")));
        return basicAndStateless(http, problems);
    }

    /**
     * What every chain here shares: HTTP Basic of Camunda users, refusals as problem+json, and
     * stateless, cookie-less requests, so nothing is there for a cross-site request to ride on.
     */
    private static SecurityFilterChain basicAndStateless(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Ahead of Spring Security and the webapps: a throttled sign-in is refused before any password is checked. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(Clock clock, ObjectMapper json,
            @Value("${spotcheck.security.login-throttle.free-per-account}") int freePerAccount,
            @Value("${spotcheck.security.login-throttle.free-per-client}") int freePerClient,
            @Value("${spotcheck.security.login-throttle.max-wait}") Duration maxWait) {
        LoginThrottle.Limits limits = new LoginThrottle.Limits(freePerAccount, freePerClient, maxWait,
                Duration.ofMinutes(15), 100_000);
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(new LoginThrottle(limits, clock), json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/*", "/actuator/*", "/v3/api-docs/*",
                "/v3/api-docs.yaml/*", "/swagger-ui.html", "/swagger-ui/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaffOnlyWebapps> staffOnlyWebapps(IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<StaffOnlyWebapps> registration = new FilterRegistrationBean<>(
                new StaffOnlyWebapps(identity, json));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Runs after Spring Security: sets the authenticated user and groups on the engine for the request. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
