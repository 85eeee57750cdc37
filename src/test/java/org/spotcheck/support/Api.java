package org.spotcheck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the tests: status, headers and body exactly as a caller sees them. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;

    Api(int port) {
        this.port = port;
    }

    /** Logged into Tasklist as a browser would be; dev accounts have password = user id. */
    public TasklistSession tasklist(String user) {
        return new TasklistSession(port, user, user);
    }

    public TasklistSession tasklist(String user, String password) {
        return new TasklistSession(port, user, password);
    }

    /** Signed in to a webapp (tasklist, cockpit, admin, welcome) through its login form. */
    public TasklistSession webapp(String app, String user, String password) {
        return new TasklistSession(port, user, password, app);
    }

    /** Signed in through a login path of one's own making (encoded, with parameters). */
    public TasklistSession webappLoginAt(String loginPath, String user, String password) {
        return TasklistSession.at(port, loginPath, user, password);
    }

    /** Logged into Cockpit as a browser would be, with the engine API its pages call. */
    public TasklistSession cockpit(String user) {
        return new TasklistSession(port, user, user, "cockpit");
    }

    /** Dev accounts have password = user id. */
    public Response get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, String user, String body) {
        return post(path, user, body, "application/json");
    }

    public Response post(String path, String user, String body, String contentType) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Raw bytes, e.g. invalid UTF-8. */
    public Response postBytes(String path, String user, byte[] body) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json"));
    }

    /** Raw bytes with PUT. */
    public Response putBytes(String path, String user, byte[] body) {
        return send(request(path, user).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json"));
    }

    public Response put(String path, String user, String body) {
        return send(request(path, user).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
