package org.spotcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's view of Camunda Tasklist: the webapp's form login, its session cookie and
 * CSRF token, and the engine API Tasklist itself calls ({@code /camunda/api/engine}).
 */
public final class TasklistSession {

    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final int loginStatus;

    TasklistSession(int port, String user, String password) {
        this(port, user, password, "tasklist");
    }

    /** Signed in to one of the webapps (tasklist, cockpit, admin, welcome) through its own login form. */
    TasklistSession(int port, String user, String password, String app) {
        this(port, user, password, app, "/camunda/api/admin/auth/user/default/login/" + app);
    }

    /** Signed in through any login path, e.g. an encoded one an attacker would try. */
    static TasklistSession at(int port, String loginPath, String user, String password) {
        return new TasklistSession(port, user, password, "tasklist", loginPath);
    }

    private TasklistSession(int port, String user, String password, String app, String loginPath) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET()); // session and CSRF cookie
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        this.loginStatus = send(withCsrf(HttpRequest.newBuilder(uri(loginPath)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).status();
        // the login starts a new session with a new CSRF token: fetch it as the browser does
        send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
    }

    /** 200 when the user may use Tasklist at all. */
    public int loginStatus() {
        return loginStatus;
    }

    /** Any path of the webapps' own API, e.g. {@code /camunda/api/admin/auth/user/default}. */
    public Api.Response getRaw(String path) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path))).GET());
    }

    public Api.Response get(String enginePath) {
        return send(withCsrf(HttpRequest.newBuilder(uri(ENGINE + enginePath))).GET());
    }

    public Api.Response post(String enginePath, String json) {
        return send(withCsrf(HttpRequest.newBuilder(uri(ENGINE + enginePath)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookie.getValue());
            }
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
