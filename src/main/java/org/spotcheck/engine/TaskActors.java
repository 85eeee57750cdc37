package org.spotcheck.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Helpers for task listeners: who acts, and how bad input is refused. */
public final class TaskActors {

    /** The refusal of the current completion, for callers that only see the engine's wrapped 500. */
    private static final ThreadLocal<String> REFUSAL = new ThreadLocal<>();

    private TaskActors() {
    }

    /** The user completing the task (Tasklist or engine REST), else its assignee. */
    public static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /** Refuses the completion: the task stays open and the caller gets a 400 naming the field. */
    public static FormFieldValidationException refuse(String field, String message) {
        REFUSAL.set(message);
        return new FormFieldValidationException(field, message);
    }

    /** @return the message of the last refusal on this thread, if any, and forgets it */
    static String takeRefusal() {
        String message = REFUSAL.get();
        REFUSAL.remove();
        return message;
    }

    /** The task's {@code variable}, required to name one of {@code type}'s constants: refused otherwise. */
    public static <E extends Enum<E>> E requireOneOf(DelegateTask task, String variable, Class<E> type) {
        Object value = task.getVariable(variable);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw refuse(variable, variable + " is required: one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** A complete-listener that only checks one Boolean decision. */
    public static TaskListener requireBoolean(String variable, String meaning, java.util.function.BiConsumer<DelegateTask, Boolean> then) {
        return task -> {
            if (!(task.getVariable(variable) instanceof Boolean value)) {
                throw refuse(variable, variable + " is required and must be a Boolean (" + meaning + ")");
            }
            then.accept(task, value);
        };
    }
}
