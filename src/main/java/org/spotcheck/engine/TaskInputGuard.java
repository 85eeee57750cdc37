package org.spotcheck.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.spotcheck.security.Groups;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task's user may set only the fields of the task's form, and only by completing it.
 * Without this, whoever may complete a task could send any process variable with it
 * (a verifier id, a verdict, a budget) through Tasklist or {@code /engine-rest}, since
 * the engine writes completion variables to the process. Task variables cannot be edited
 * outside a completion except by administrators.
 */
class TaskInputGuard extends OncePerRequestFilter {

    private static final Pattern TASK_WRITE = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine)(?:/engine/([^/]+))?/task/([^/]+)/"
                    + "(complete|submit-form|resolve|variables|localVariables|bpmnError|bpmnEscalation)(?:/.*)?$");
    private static final Set<String> PLAIN_TYPES = Set.of("Boolean", "String", "Double", "Integer", "Long", "Short",
            "Null");
    private static final int MAX_BODY = 1 << 20;

    private final ObjectMapper json;
    private final List<TaskInputRule> rules;

    TaskInputGuard(ObjectMapper json, List<TaskInputRule> rules) {
        this.json = json;
        this.rules = List.copyOf(rules);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
                || request.getMethod().equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Size: one access decision read top to bottom, for both task doors
        Matcher task = TASK_WRITE.matcher(EngineCallers.path(request));
        // the engine this request is served by, found as engine-rest and the webapps find it
        ProcessEngine engine = task.matches() ? EngineUtil.lookupProcessEngine(task.group(2)) : null;
        Authentication user = engine == null ? null : EngineCallers.of(engine, request);
        if (user == null) {
            chain.doFilter(request, response); // unauthenticated: the engine refuses it anyway
            return;
        }
        boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN);
        String action = task.group(4);
        if (action.endsWith("ariables") || action.startsWith("bpmn")) {
            if (admin) {
                chain.doFilter(request, response);
            } else {
                // a BPMN error or escalation thrown from a task would end or divert the case with any variables
                refuse(request, response, HttpStatus.FORBIDDEN, action.startsWith("bpmn")
                        ? "Tasks of spotcheck end by completing their form, not by a BPMN error or escalation"
                        : "Task variables are set by completing the task's form, not edited on their own");
            }
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + MAX_BODY + " bytes");
            return;
        }
        FormRules form = formOf(engine, task.group(3));
        Set<String> unexpected = unexpectedVariables(engine, task.group(3), body, form);
        if (!unexpected.isEmpty()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "This task takes the fields of its form only, as typed "
                    + "values; refused: " + String.join(", ", unexpected));
            return;
        }
        // only who may work the task learns what its form refuses: anyone else gets the engine's own answer (403)
        boolean mayWork = form != null && (admin || EngineCallers.mayWork(engine, user, task.group(3)));
        Map<String, String> problems = mayWork ? problems(form, values(body)) : Map.of();
        if (!problems.isEmpty()) {
            Problems.writeInvalid(json, request, response, "The form refuses: " + problems.entrySet().stream()
                    .map(p -> p.getKey() + " " + p.getValue()).collect(java.util.stream.Collectors.joining("; ")), problems);
            return;
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /**
     * Names what the body may not set: a field the form does not have, or a read-only field
     * with another value than the task shows (a browser may send read-only fields back as
     * they were). Empty when it cannot tell: the engine then decides.
     */
    private Set<String> unexpectedVariables(ProcessEngine engine, String taskId, byte[] body, FormRules form) {
        // Size: every shape of a completion body engine-rest and Tasklist send, answered in one place
        JsonNode completion;
        try {
            completion = json.readTree(body);
        } catch (IOException notJson) {
            completion = null;
        }
        // both doors answer these differently (Tasklist's with a 500): one clear answer here
        if (completion == null || !completion.isObject()) {
            return Set.of("(the body: a JSON object {\"variables\": {name: {\"value\": …, \"type\": …}}} is expected)");
        }
        JsonNode variables = completion.path("variables");
        if (variables.isMissingNode() || variables.isNull()) {
            return Set.of();
        }
        if (!variables.isObject()) {
            return Set.of("(variables: an object of typed values is expected)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            if (!variable.getValue().isObject()) {
                return Set.of(abbreviate(variable.getKey()) + " (a typed value {\"value\": …, \"type\": …} is expected)");
            }
        }
        if (form == null) {
            return Set.of();
        }
        Map<String, Boolean> fields = form.fields();
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication(); // the form's shape is no secret; whether the caller may act, the engine decides
        try {
            Set<String> unexpected = new TreeSet<>();
            variables.fields().forEachRemaining(variable -> {
                String name = variable.getKey();
                String shown = abbreviate(name);
                Boolean editable = fields.get(name);
                JsonNode type = variable.getValue().path("type");
                if (!type.isMissingNode() && !type.isNull() && !PLAIN_TYPES.contains(type.asText())) {
                    unexpected.add(shown + " (a form field takes a Boolean, a String or a number, not type '"
                            + abbreviate(type.asText()) + "')");
                } else if (editable == null) {
                    unexpected.add(shown);
                } else if (!editable && !sameValue(variable.getValue().get("value"), engine.getTaskService().getVariable(taskId, name))) {
                    unexpected.add(name + " (read-only)");
                }
            });
            return unexpected;
        } finally {
            identity.setAuthentication(caller);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private boolean sameValue(JsonNode submitted, Object current) {
        JsonNode shown = json.valueToTree(current);
        boolean nothingSubmitted = submitted == null || submitted.isNull()
                || submitted.isTextual() && submitted.asText().isEmpty(); // a form shows a missing value as empty
        if (nothingSubmitted || shown.isNull()) {
            return nothingSubmitted && shown.isNull();
        }
        if (submitted.isNumber() && shown.isNumber()) {
            return submitted.decimalValue().compareTo(shown.decimalValue()) == 0;
        }
        return submitted.equals(shown);
    }

    /** @return the task's deployed form; null for a task not there or without one */
    private FormRules formOf(ProcessEngine engine, String taskId) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication(); // the form's shape is no secret; whether the caller may act, the engine decides
        try {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
            if (task == null || task.getCamundaFormRef() == null) {
                return null;
            }
            try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
                return FormRules.of(json.readTree(form));
            }
        } catch (IOException | RuntimeException noForm) {
            return null;
        } finally {
            identity.setAuthentication(caller);
        }
    }

    /**
     * The form's validate blocks, as Tasklist applies them (the one source of each field's
     * limits), then the rules capabilities declare for the form: every refusal of a task's
     * input, at both doors, before the engine sees it.
     */
    private Map<String, String> problems(FormRules form, Map<String, Object> values) {
        Map<String, String> problems = form.problems(values);
        if (problems.isEmpty()) {
            rules.stream().filter(rule -> rule.formId().equals(form.id()))
                    .forEach(rule -> rule.problems(values).forEach(problems::putIfAbsent));
        }
        return problems;
    }

    /** The values a completion body sets, by name (its shape was checked by {@link #unexpectedVariables}). */
    private Map<String, Object> values(byte[] body) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        json.readTree(body).path("variables").fields().forEachRemaining(variable -> {
            JsonNode value = variable.getValue().path("value");
            values.put(variable.getKey(), value.isTextual() ? value.asText() : value.isBoolean() ? value.asBoolean()
                    : value.isNumber() ? value.numberValue() : null);
        });
        return values;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Problems.write(json, request, response, status, detail);
    }
}
