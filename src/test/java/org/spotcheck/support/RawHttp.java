package org.spotcheck.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One HTTP/1.1 request from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so a test
 * can be a caller other than the test itself, as the server sees it. Java's HttpClient
 * cannot bind its local address.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** @return the status line's code and the response head and body as text */
    public static Result send(String from, int port, String method, String path, String user, String password,
                              String contentType, String body) {
        return send(from, port, method, path, user, password, contentType, body, java.util.Map.of());
    }

    public static Result send(String from, int port, String method, String path, String user, String password,
                              String contentType, String body, java.util.Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            if (user != null) {
                head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            return new Result(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(int status, String text) {
        /** @return name=value of each Set-Cookie, as a Cookie header sends them back */
        public java.util.Map<String, String> cookies() {
            java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                    String pair = line.substring(11).trim().split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            return cookies;
        }

        public String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    return null;
                }
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }
}
