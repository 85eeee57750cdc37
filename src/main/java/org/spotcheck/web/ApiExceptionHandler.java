package org.spotcheck.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.db.TransientFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of {@code /api} as {@code application/problem+json} (RFC 9457) with a
 * title, a detail and, for validation, {@code errors}: one entry per bad field.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        BodySizeLimitFilter.TooLarge tooLarge = BodySizeLimitFilter.tooLarge(e);
        if (tooLarge != null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", tooLarge.getMessage(), null);
        }
        java.util.Optional<FieldErrors.FieldError> field = FieldErrors.of(cause);
        if (field.isPresent()) {
            return validation(List.of(new FieldError(field.get().field(), field.get().message())));
        }
        if (cause instanceof JsonParseException || cause instanceof JsonMappingException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON: "
                    + ((com.fasterxml.jackson.core.JacksonException) cause).getOriginalMessage(), null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The request body is missing or unreadable", null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.title(), e.getMessage(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldError(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return validation(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath()), v.getMessage())).toList());
    }

    private static String lastNode(jakarta.validation.Path path) {
        String name = null;
        for (jakarta.validation.Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            // still failing after the request's own retries (TransientRetry): the caller may try again shortly
            log.warn("Transient failure, answered 503: {}", e.toString());
            ResponseEntity<Object> busy = problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy, try again",
                    "The database was busy (a lock wait, deadlock or conflict); nothing was changed. Try again.", null);
            return ResponseEntity.status(busy.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1").body(busy.getBody());
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed. The error is logged.", null);
    }

    private static ResponseEntity<Object> validation(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
                                                  List<FieldError> errors) {
        ProblemDetail problem = Problems.problem(status, title, detail);
        if (errors != null) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }

    record FieldError(String field, String message) {
    }
}
