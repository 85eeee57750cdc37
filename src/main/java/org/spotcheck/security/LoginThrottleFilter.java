package org.spotcheck.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.spotcheck.security.domain.LoginThrottle;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Both doors a password comes through, HTTP Basic ({@code /api}, {@code /engine-rest}, {@code /actuator})
 * and the webapps' login form, pass the {@link LoginThrottle}: a throttled attempt is
 * answered {@code 429} with {@code Retry-After} before any password is checked; a
 * {@code 401} afterwards counts as a failure; a webapp session or accepted Basic
 * credentials as a success.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** Longer than any user id Camunda accepts (64): never a throttle key of its own. */
    static final int MAX_ACCOUNT = 128;
    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

    static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webappLogin = isWebappLogin(request);
        // Basic counts only where Spring Security reads it; on the webapps it authenticates nothing
        String account = webappLogin ? request.getParameter("username")
                : RoutedPath.of(request).startsWith("/camunda/") ? null : basicUser(request);
        if (account == null && !webappLogin) {
            chain.doFilter(request, response);
            return;
        }
        if (account != null && account.length() > MAX_ACCOUNT) {
            // no user id is this long: counted per address only, and never kept as a key of its own
            account = null;
        }
        String client = request.getRemoteAddr();
        Duration wait = throttle.waitFor(account, client);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this address: try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(account, client);
        } else if (webappLogin ? status == HttpStatus.OK.value() : status < 500) {
            // a signed-in webapp session, or Basic credentials Spring Security accepted
            throttle.succeeded(account, client);
        }
    }

    static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod()) && WEBAPP_LOGIN.matcher(RoutedPath.of(request)).matches();
    }

    /** @return the user of a Basic header exactly as Spring Security reads it, "" for one it cannot read, null for none */
    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.trim().regionMatches(true, 0, "Basic", 0, 5)) {
            return null;
        }
        try {
            UsernamePasswordAuthenticationToken token = BASIC.convert(request);
            return token == null ? "" : token.getName();
        } catch (AuthenticationException e) {
            return "";
        }
    }
}
