package org.spotcheck.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The refusals that follow from the doors every {@code /api} request passes, as the OpenAPI
 * description shows them: reading and validating the input ({@link ApiExceptionHandler}),
 * sign-in, groups and the sign-in throttle (security), the body size limit
 * ({@link BodySizeLimitFilter}) and the retries of transient database failures.
 */
final class CommonProblems {

    private CommonProblems() {
    }

    /** {@code 400} where the handler reads a body, or parameters that may not convert or validate. */
    static void addInput(Operation operation, HandlerMethod handler) {
        MethodParameter body = Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
        String field = body != null ? requiredField(body.getParameterType()) : null;
        MethodParameter checked = Arrays.stream(handler.getMethodParameters()).filter(CommonProblems::checked)
                .findFirst().orElse(null);
        if (field == null && checked != null) {
            Integer max = composedMaxLength(checked);
            field = checked.getParameter().getName() + (checked.getParameterType() == String.class && max != null
                    ? " size must be between 0 and " + max : " has an invalid value");
        }
        if (field != null) {
            String name = field.substring(0, field.indexOf(' '));
            ProblemDocs.add(operation, 400, "Invalid request: the problem's errors name each bad field",
                    ProblemDocs.problem(400, "Invalid request", field, name));
        }
        if (body != null) {
            ProblemDocs.add(operation, 400, "Malformed JSON", ProblemDocs.problem(400, "Malformed JSON",
                    "The body is not valid JSON: Unexpected end-of-input: expected close marker for Object", null));
            ProblemDocs.add(operation, 400, "Unreadable body", ProblemDocs.problem(400, "Unreadable body",
                    "The request body is missing or unreadable", null));
        }
    }

    /** A path or query parameter that can fail: converted to something other than text, or constrained. */
    private static boolean checked(MethodParameter parameter) {
        return (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestParam.class))
                && (parameter.getParameterType() != String.class || Arrays.stream(parameter.getParameterAnnotations())
                .map(Annotation::annotationType).anyMatch(a -> a.isAnnotationPresent(Constraint.class)));
    }

    /** The {@code max} a composed constraint (a key's {@code @PlainKey(max = 30)}) gives the {@code @Size} it is made of. */
    static Integer composedMaxLength(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
                OverridesAttribute overrides = attribute.getAnnotation(OverridesAttribute.class);
                if (overrides != null && overrides.constraint() == Size.class && "max".equals(overrides.name())) {
                    return (Integer) ReflectionUtils.invokeMethod(attribute, annotation);
                }
            }
        }
        return null;
    }

    /** "name must not be null" for the body's first required field, if the body is a record that has one. */
    private static String requiredField(Class<?> type) {
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        for (RecordComponent component : components) {
            if (component.getAccessor().isAnnotationPresent(NotBlank.class)) {
                return component.getName() + " must not be blank";
            }
            if (component.getAccessor().isAnnotationPresent(NotNull.class)) {
                return component.getName() + " must not be null";
            }
        }
        return null;
    }

    /** {@code 401}, {@code 403} and {@code 429} for all; {@code 413} and {@code 415} with a body; {@code 503} on writes. */
    static void addDoors(Operation operation, PathItem.HttpMethod method, String path, long bodyLimit) {
        boolean body = operation.getRequestBody() != null;
        ProblemDocs.add(operation, 401, "No credentials, or wrong ones: HTTP Basic with a spotcheck user",
                ProblemDocs.problem(401, "Unauthorized",
                        "Credentials are missing or wrong: use HTTP Basic with a spotcheck user", null))
                .addHeaderObject("WWW-Authenticate", ProblemDocs.header("Basic realm=\"spotcheck\""));
        ProblemDocs.add(operation, 403, "The user's groups may not call this operation",
                ProblemDocs.problem(403, "Forbidden", "Your groups do not allow " + method + " " + path, null));
        ProblemDocs.add(operation, 429, "Too many failed sign-ins from this address: wait Retry-After seconds",
                ProblemDocs.problem(429, "Too Many Requests",
                        "Too many failed sign-ins from this address: try again in 4 s", null))
                .addHeaderObject("Retry-After", ProblemDocs.header("seconds to wait"));
        if (body) {
            ProblemDocs.add(operation, 413, "The body is over " + bodyLimit + " bytes: nothing is stored",
                    ProblemDocs.problem(413, "Request body too large",
                            "The body is larger than the allowed " + bodyLimit + " bytes", null));
            ProblemDocs.add(operation, 415, "The body is not application/json", ProblemDocs.problem(415,
                    "Unsupported Media Type", "Content-Type 'text/plain;charset=UTF-8' is not supported.", null));
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            ProblemDocs.add(operation, 503, "The database stayed busy (a deadlock, a lock timeout) through the"
                    + " retries: nothing was changed, try again", ProblemDocs.problem(503, "Busy, try again",
                    "The database was busy (a lock wait, deadlock or conflict); nothing was changed. Try again.", null))
                    .addHeaderObject("Retry-After", ProblemDocs.header("seconds to wait"));
        }
    }
}
