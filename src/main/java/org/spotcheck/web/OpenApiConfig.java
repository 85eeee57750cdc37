package org.spotcheck.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} (springdoc), served at {@code /v3/api-docs} and
 * {@code /swagger-ui.html} to staff (security.SecurityConfig). Controllers describe their
 * operations, answers and refusals of their own ({@link ApiProblem}); the refusals that follow
 * from the doors every request passes are added here, once: 401, 403 and 429 everywhere, 400
 * where there is input, 413 and 415 where there is a body, 503 on writes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basicAuth";

    private static final String DESCRIPTION = """
            spotcheck's application API: flags in, cases, evidence, verification, referrals, screening, \
            sellers' appeals and reports. The engine's own REST API (`/engine-rest`) is Camunda's and not \
            described here.

            **Sign-in:** HTTP Basic with a Camunda user's credentials (the users of Tasklist and Cockpit). \
            Each operation names the groups that may call it. No or wrong credentials answer `401`, a group \
            that may not `403`; repeated failed sign-ins from one address are slowed down (`429` with \
            `Retry-After`).

            **Errors** are `application/problem+json` (RFC 9457) with `title` and `detail`; a validation \
            error (`400`) names each bad field in an `errors` list:

                {"type": "about:blank", "title": "Invalid request", "status": 400,
                 "detail": "signals.riskScore must be less than or equal to 1",
                 "errors": [{"field": "signals.riskScore", "message": "must be less than or equal to 1"}]}

            A write the database was too busy for (a deadlock or lock timeout, after retries) answers `503` \
            with `Retry-After` and changes nothing; an unexpected error answers `500`.""";

    @Bean
    OpenAPI spotcheckOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        Components components = new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Camunda user's id and password; machine accounts use their long secrets"));
        ProblemDocs.schemas().forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("spotcheck API").description(DESCRIPTION)
                        .version(properties != null ? properties.getVersion() : "dev"))
                .components(components)
                // relative: the node that served the description, whoever's proxy is in front (Swagger UI's "Try it out")
                .servers(List.of(new Server().url("/").description("this spotcheck")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * A composed constraint (a key's {@code @PlainKey(max = 30)}) sets its {@code @Size}'s {@code max}
     * through an attribute of its own, which springdoc does not read: the parameter's {@code maxLength} is that.
     */
    @Bean
    ParameterCustomizer composedSizes() {
        return (parameter, method) -> {
            Integer max = CommonProblems.composedMaxLength(method);
            if (parameter != null && parameter.getSchema() != null && max != null) {
                parameter.getSchema().setMaxLength(max);
            }
            return parameter;
        };
    }

    /** The refusals a handler names with {@link ApiProblem}, and those of reading its input. */
    @Bean
    OperationCustomizer ownProblems() {
        return (operation, handler) -> {
            for (ApiProblem problem : handler.getMethod().getAnnotationsByType(ApiProblem.class)) {
                ProblemDocs.add(operation, problem.status(), problem.title(),
                        ProblemDocs.problem(problem.status(), problem.title(), problem.detail(), problem.field()));
            }
            CommonProblems.addInput(operation, handler);
            return operation;
        };
    }

    /** The refusals of the doors every request passes, and each operation's answers in the order of their status. */
    @Bean
    OpenApiCustomizer commonProblems(@Value("${spotcheck.api.max-body-bytes:65536}") long bodyLimit,
                                     @Value("${spotcheck.api.max-batch-body-bytes:4194304}") long batchLimit) {
        return api -> {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                CommonProblems.addDoors(operation, method, path,
                        BodySizeLimitFilter.BATCH_PATH.equals(path) ? batchLimit : bodyLimit);
                // no content in a 204, whatever the handler's return type suggested to springdoc
                if (operation.getResponses().get("204") != null) {
                    operation.getResponses().get("204").setContent(null);
                }
                sortResponses(operation);
            }));
        };
    }

    private static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }
}
