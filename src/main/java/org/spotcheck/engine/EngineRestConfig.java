package org.spotcheck.engine;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Camunda's engine REST API at {@code /engine-rest}, its errors rewritten as problem+json. */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfig extends CamundaJerseyResourceConfig {

    private final ObjectMapper json;

    EngineRestConfig(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void registerAdditionalResources() {
        register(new ProblemJsonErrors(json));
        register(NoStore.class);
        // ahead of Camunda's own mapper for the same exception type
        register(RejectedTaskInput.class, 1);
        register(RefusedByListener.class, 1);
        register(TooDeepJson.class);
    }

    /** JSON nested past Jackson's limits is the caller's mistake; Camunda answers it with a 500. */
    static class TooDeepJson implements ExceptionMapper<StreamConstraintsException> {

        @Override
        public Response toResponse(StreamConstraintsException e) {
            ExceptionDto error = new ExceptionDto();
            error.setType("InvalidRequest");
            error.setMessage("The body is nested too deeply or too large for JSON this endpoint takes");
            return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }

    /**
     * The engine wraps a task listener's {@link FormFieldValidationException} into a 500;
     * bad task input is the caller's mistake, so it answers 400 with the listener's message.
     */
    static class RejectedTaskInput implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FormFieldValidationException invalid) {
                    ExceptionDto error = new ExceptionDto();
                    error.setType(FormFieldValidationException.class.getSimpleName());
                    error.setMessage(invalid.getMessage());
                    return Response.status(Response.Status.BAD_REQUEST).entity(error)
                            .type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** Task data, variables and identities stay out of caches (the engine itself says only no-cache). */
    /**
     * The engine wraps a task listener's {@link AuthorizationException} (the four-eyes rule of
     * an appeal refusing an assignment) into a 500: it is a refusal, so it answers 403.
     */
    static class RefusedByListener implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof AuthorizationException refused) {
                    ExceptionDto error = new ExceptionDto();
                    error.setType(AuthorizationException.class.getSimpleName());
                    error.setMessage(refused.getMessage());
                    return Response.status(Response.Status.FORBIDDEN).entity(error)
                            .type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    static class NoStore implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    /**
     * Turns the engine's error body {@code {type, message, code}} into RFC 9457 fields,
     * keeping Camunda's own {@code type} and {@code code} as extensions.
     */
    static class ProblemJsonErrors implements ContainerResponseFilter {

        static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

        private final ObjectMapper json;

        ProblemJsonErrors(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() < 400) {
                return;
            }
            ExceptionDto error;
            if (response.getEntity() instanceof ExceptionDto engineError) {
                error = engineError;
            } else {
                // JSON the body reader could not map, or an error without a body: say what kind, not the parser's internals
                error = new ExceptionDto();
                error.setType("InvalidRequest");
                error.setMessage(response.getStatus() == 400
                        ? "The body is not what this endpoint takes: see the engine REST reference for its JSON shape"
                        : HttpStatus.resolve(response.getStatus()) == null ? "Error"
                        : HttpStatus.resolve(response.getStatus()).getReasonPhrase());
            }
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            // a server-side failure may carry SQL or internals: the log has them, the caller does not
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(response.getStatus()),
                    response.getStatus() >= 500
                            ? "Something went wrong on our side; nothing was changed. The error is logged."
                            : withPagingHint(error));
            problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
            problem.setProperty("camundaType", error.getType());
            if (error.getCode() != null) {
                problem.setProperty("code", error.getCode());
            }
            if (error instanceof ParseExceptionDto parse && parse.getDetails() != null) {
                // per resource, the errors with their element ids: what Modeler shows a process owner
                problem.setProperty("details", parse.getDetails());
            }
            try {
                // Spring's mapper writes the properties beside the standard fields, as on /api
                response.setEntity(Problems.json(json, problem), response.getEntityAnnotations(), PROBLEM_JSON);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The engine's refusal of an unbounded list query names no way out: say how to page. */
        private static String withPagingHint(ExceptionDto error) {
            String message = error.getMessage();
            if (message == null || !message.startsWith("An unbound number of results is forbidden")) {
                return message;
            }
            ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
            int limit = engine == null ? Integer.MAX_VALUE
                    : ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getQueryMaxResultsLimit();
            return message + " Say maxResults (at most " + limit + ") and page with firstResult.";
        }
    }
}
