package org.spotcheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Every error answer is an RFC 9457 problem built here as Spring's {@link ProblemDetail},
 * whichever door it leaves by: a controller's answer ({@link #of}), the API's exception
 * handler, a servlet filter that answers before any controller ({@link #write}), and
 * engine-rest's errors (serialized with {@link #json}).
 */
public final class Problems {

    private Problems() {
    }

    /** A problem titled by the caller, or by the status's reason phrase when {@code title} is null. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title != null ? title : status.getReasonPhrase());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    /** {@code 400} naming one bad field, as the validation of a body names each. */
    public static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ResponseEntity<ProblemDetail> answer = of(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message);
        answer.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return answer;
    }

    /** An answer written straight to the response, for filters that answer before any controller. */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String detail) throws IOException {
        write(json, request, response, status, null, detail);
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String title, String detail) throws IOException {
        write(json, request, response, problem(status, title, detail));
    }

    /** {@code 400} naming each bad field, as the validation of an API body names them, written by a filter. */
    public static void writeInvalid(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                    String detail, Map<String, String> problems) throws IOException {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", problems.entrySet().stream()
                .map(p -> Map.of("field", p.getKey(), "message", p.getValue())).toList());
        write(json, request, response, problem);
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                              ProblemDetail problem) throws IOException {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(json, problem));
    }

    /** The problem as JSON, its properties beside the standard fields (Spring's mapper flattens them). */
    public static byte[] json(ObjectMapper json, ProblemDetail problem) throws IOException {
        return json.writeValueAsBytes(problem);
    }
}
