package org.spotcheck.appeal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.spotcheck.appeal.AppealProcess.Vars;
import org.spotcheck.engine.TaskActors;
import org.springframework.stereotype.Component;

/**
 * Four eyes on {@code Task_DecideAppeal}: nobody who worked on the case decides its appeal.
 * Enforced by the engine, not advised: when the task is created, each such user gets a
 * REVOKE of every permission on it, which outranks the group's grant, so the task is neither
 * listed in their Tasklist nor claimable or completable by them through any door; an
 * assignment to them or a completion in their name is refused here too. The engine deletes
 * a task's authorizations with the task.
 */
@Component("appealReviewers")
class AppealReviewers implements TaskListener {

    private final CaseWorkers workers;
    private final AppealService appeals;

    AppealReviewers(CaseWorkers workers, AppealService appeals) {
        this.workers = workers;
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateTask task) {
        // the appeal's case as filed, not the process variable an administrator could change
        String appealId = task.getExecution().getProcessBusinessKey();
        String caseNumber = appeals.caseNumberOf(appealId);
        Set<String> worked = workers.of(caseNumber);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> revoke(task, worked);
            case EVENTNAME_ASSIGNMENT -> refuseIfWorked(task.getAssignee(), caseNumber, worked);
            case EVENTNAME_COMPLETE -> {
                String actor = TaskActors.actor(task);
                refuseIfWorked(actor, caseNumber, worked);
                TaskActors.requireOneOf(task, Vars.DECISION.getName(), AppealDecision.class);
                appeals.reviewedBy(appealId, actor);
            }
            default -> { }
        }
    }

    private static void revoke(DelegateTask task, Set<String> worked) {
        AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
        // the step that creates the task may run as a user who may not write authorizations: this is the engine's own
        CommandContext command = Context.getCommandContext();
        boolean checking = command.isAuthorizationCheckEnabled();
        command.disableAuthorizationCheck();
        try {
            worked.forEach(user -> revoke(authorizations, task.getId(), user));
        } finally {
            if (checking) {
                command.enableAuthorizationCheck();
            }
        }
    }

    private static void revoke(AuthorizationService authorizations, String taskId, String user) {
        Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
        revoke.setUserId(user);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(taskId);
        revoke.removePermission(Permissions.ALL);
        authorizations.saveAuthorization(revoke);
    }

    private static void refuseIfWorked(String user, String caseNumber, Set<String> worked) {
        if (user != null && worked.contains(user)) {
            throw new AuthorizationException(user + " worked on case " + caseNumber
                    + " and may not decide its appeal: a second person decides (four eyes)");
        }
    }
}
