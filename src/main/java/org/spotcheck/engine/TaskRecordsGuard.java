package org.spotcheck.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.spotcheck.security.Groups;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task's comments and attachments follow the task's permissions: reading them needs the
 * task to be visible to the caller, adding, changing or deleting them needs the right to
 * work on it (assignee, candidate, administrator). The engine checks neither: its REST
 * resources look for the task only in the history (which managers and process owners
 * read), and some (by comment or attachment id, deleting an attachment) check nothing.
 * Comments of a whole process instance hold those of all its tasks: administrators only.
 */
class TaskRecordsGuard extends OncePerRequestFilter {

    private static final String ENGINE_PREFIX = "^(?:/engine-rest|/camunda/api/engine)(?:/engine/([^/]+))?";
    private static final Pattern TASK_RECORDS = Pattern.compile(
            ENGINE_PREFIX + "/task/([^/]+)/(comment|attachment)(/create)?(?:/.*)?$");
    private static final Pattern INSTANCE_COMMENTS = Pattern.compile(
            ENGINE_PREFIX + "/process-instance/([^/]+)/comment(?:/.*)?$");
    private static final int MAX_BODY = 1 << 20;

    private final ObjectMapper json;

    TaskRecordsGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Size: one access decision read top to bottom; each refusal and its order matter, so they stay together
        String path = EngineCallers.path(request);
        Matcher task = TASK_RECORDS.matcher(path);
        Matcher instance = INSTANCE_COMMENTS.matcher(path);
        Matcher matched = task.matches() ? task : instance.matches() ? instance : null;
        ProcessEngine engine = matched == null ? null : EngineUtil.lookupProcessEngine(matched.group(1));
        if (engine == null) {
            chain.doFilter(request, response); // not a task's records, or no such engine: the engine answers
            return;
        }
        Authentication caller = EngineCallers.of(engine, request);
        if (caller == null) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "Log in first");
            return;
        }
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMIN);
        if (matched == instance) {
            if (admin) {
                chain.doFilter(request, response);
            } else {
                refuse(request, response, HttpStatus.FORBIDDEN, "A process instance's comments hold those of all its "
                        + "tasks: administrators only. A task's own are at /task/{id}/comment");
            }
            return;
        }
        String taskId = task.group(2);
        Task visible = EngineCallers.as(engine, caller,
                () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (visible == null) {
            // the same answer whether the task does not exist or is not the caller's to see
            refuse(request, response, HttpStatus.NOT_FOUND, "No open task " + taskId + " that you may see");
            return;
        }
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            chain.doFilter(request, response);
            return;
        }
        if (!admin && !EngineCallers.mayWork(engine, caller, taskId)) {
            refuse(request, response, HttpStatus.FORBIDDEN, "Only who may work on task " + taskId
                    + " (its assignee or candidates) adds, changes or deletes its " + task.group(3) + "s");
            return;
        }
        if (task.group(3).equals("comment") && task.group(4) != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + MAX_BODY + " bytes");
                return;
            }
            String elsewhere = otherInstance(body, visible.getProcessInstanceId());
            if (elsewhere != null) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "A comment on task " + taskId + " belongs to its "
                        + "process instance " + visible.getProcessInstanceId() + ", not to " + elsewhere);
                return;
            }
            chain.doFilter(new ReplayedRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }


    /** @return the process instance a comment body names other than the task's own, else null */
    private String otherInstance(byte[] body, String own) {
        JsonNode named;
        try {
            named = json.readTree(body).path("processInstanceId");
        } catch (IOException | RuntimeException notJson) {
            return null; // the engine refuses what it cannot read
        }
        if (named.isMissingNode() || named.isNull() || named.isTextual() && named.asText().equals(own)) {
            return null;
        }
        String shown = named.isTextual() ? named.asText() : named.toString();
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Problems.write(json, request, response, status, detail);
    }
}
