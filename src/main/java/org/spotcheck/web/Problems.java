package org.spotcheck.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 answers for controllers that decide an error themselves. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    /** {@code 400} naming one bad field, as the validation of a body names each. */
    public static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ResponseEntity<ProblemDetail> answer = of(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message);
        answer.getBody().setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
        return answer;
    }
}
