package org.spotcheck.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * A request's path as Tomcat and Jersey route it: percent-decoded ({@code %6Cogin} is
 * {@code login}), without {@code ;parameters}, repeated slashes folded. Filters that guard
 * a path must match this, never the raw request URI.
 */
public final class RoutedPath {

    private static final UrlPathHelper DECODED = new UrlPathHelper();

    static {
        DECODED.setUrlDecode(true);
        DECODED.setRemoveSemicolonContent(true);
    }

    private RoutedPath() {
    }

    public static String of(HttpServletRequest request) {
        return DECODED.getPathWithinApplication(request).replaceAll("/{2,}", "/");
    }
}
