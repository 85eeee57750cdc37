package org.spotcheck.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem answers in the OpenAPI description: the {@code Problem} schema every error of
 * {@code /api} has ({@link Problems}, {@link ApiExceptionHandler}), and the example problems
 * an operation's answers show, several per status where an operation refuses for several reasons.
 */
final class ProblemDocs {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    private ProblemDocs() {
    }

    /** RFC 9457 problem details as spotcheck writes them: extra members beside the standard ones. */
    static Map<String, Schema> schemas() {
        Schema<?> fieldError = new ObjectSchema().description("One bad field of a request")
                .addProperty("field", new StringSchema().description("the field, as a path into the body or a parameter's name")
                        .example("signals.riskScore"))
                .addProperty("message", new StringSchema().example("must be less than or equal to 1"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("An error (RFC 9457, application/problem+json). Some problems carry more members beside"
                        + " these, named where they occur (a suspended reporter's suspendedUntil and reason).")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().description("what went wrong, the same for every such problem")
                        .example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("this occurrence, in words")
                        .example("signals.riskScore must be less than or equal to 1"))
                .addProperty("instance", new StringSchema().format("uri").description("the request's path")
                        .example("/api/cases"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FIELD_ERROR))
                        .description("validation (400) only: each bad field"))
                .required(List.of("type", "title", "status", "detail"));
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(FIELD_ERROR, fieldError);
        schemas.put(PROBLEM, problem);
        return schemas;
    }

    /**
     * Adds {@code problem} as an example answer of {@code status}, with {@code when} in the answer's
     * description; an answer the operation has already keeps its own examples and gains this one.
     */
    static ApiResponse add(Operation operation, int status, String when, Map<String, Object> problem) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = Integer.toString(status);
        ApiResponse response = operation.getResponses().computeIfAbsent(code, c -> new ApiResponse().description(when));
        if (response.getDescription() == null || response.getDescription().isBlank()
                || when.startsWith(response.getDescription())) {
            response.setDescription(when);
        } else if (!response.getDescription().contains(when)) {
            response.setDescription(response.getDescription() + "; " + when);
        }
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType json = response.getContent().computeIfAbsent(PROBLEM_JSON,
                type -> new MediaType().schema(new Schema<>().$ref(PROBLEM)));
        // named by the title; another problem of the same title is named by its detail too
        Map<String, Example> examples = json.getExamples() == null ? Map.of() : json.getExamples();
        if (examples.values().stream().noneMatch(example -> problem.equals(example.getValue()))) {
            String title = (String) problem.get("title");
            String name = examples.containsKey(title) ? title + ": " + problem.get("detail") : title;
            json.addExamples(name, new Example().summary(name).value(problem));
        }
        return response;
    }

    /** A problem as spotcheck writes it; {@code field}, when given, is the one bad field a 400 names. */
    static Map<String, Object> problem(int status, String title, String detail, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null && !field.isEmpty()) {
            String message = detail.startsWith(field + " ") ? detail.substring(field.length() + 1) : detail;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", message);
            problem.put("errors", List.of(error));
        }
        return problem;
    }

    static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
