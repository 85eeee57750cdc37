package org.spotcheck.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Helpers for task listeners: who acts, and how bad input is refused. */
public final class TaskActors {

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

    /**
     * Refuses the completion: the task stays open. The task doors refuse bad input before the
     * engine (TaskInputGuard, with the form's rules and the {@link TaskInputRule}s), so this is
     * the engine's own last word, for a completion that came another way.
     */
    public static FormFieldValidationException refuse(String field, String message) {
        return new FormFieldValidationException(field, message);
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
