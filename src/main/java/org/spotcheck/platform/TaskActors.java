package org.spotcheck.platform;

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

    /** Refuses the completion: the task stays open and the caller gets a 400 naming the field. */
    public static FormFieldValidationException refuse(String field, String message) {
        return new FormFieldValidationException(field, message);
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
