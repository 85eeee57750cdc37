package org.spotcheck.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.spotcheck.security.domain.LoginThrottle;
import org.spotcheck.web.RoutedPath;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Both doors a password comes through, HTTP Basic ({@code /api}, {@code /engine-rest})
 * and the webapps' login form, pass the {@link LoginThrottle}: a throttled attempt is
 * answered {@code 429} with {@code Retry-After} before any password is checked; a
 * {@code 401} afterwards counts as a failure, anything else as a success.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

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
        String account = basicUser(request);
        if (account == null && isWebappLogin(request)) {
            account = request.getParameter("username");
        } else if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Duration wait = throttle.waitFor(account, client);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this address: try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(account, client);
        } else {
            throttle.succeeded(account, client);
        }
    }

    static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod()) && WEBAPP_LOGIN.matcher(RoutedPath.of(request)).matches();
    }

    /** @return the user of a Basic header, "" for one that cannot be read, null for none */
    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
