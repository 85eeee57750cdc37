package org.spotcheck.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.spotcheck.security.RoutedPath;

/** Who calls the engine through engine-rest or a webapp's engine API, for filters in front of both. */
final class EngineCallers {

    private EngineCallers() {
    }

    /** The request's path, decoded as the engine's REST resources see it. */
    static String path(HttpServletRequest request) {
        return RoutedPath.of(request);
    }

    /**
     * The engine's authenticated user for /engine-rest; for the webapps, whose own login
     * filter may not have run yet, the user of the webapp session. Null when neither.
     */
    static Authentication of(ProcessEngine engine, HttpServletRequest request) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        HttpSession session = request.getSession(false);
        if (current != null || session == null) {
            return current;
        }
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        if (logins != null && logins.getAuthenticationForProcessEngine(engine.getName())
                instanceof UserAuthentication login) {
            return new Authentication(login.getIdentityId(), login.getGroupIds());
        }
        return null;
    }

    /** Runs {@code call} on the engine as {@code caller}, with its authorizations, then puts back who was there. */
    static <T> T as(ProcessEngine engine, Authentication caller, Supplier<T> call) {
        IdentityService identity = engine.getIdentityService();
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(caller);
        try {
            return call.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** What completing or claiming the task checks: TASK_WORK or UPDATE on it or on its process definition. */
    static boolean mayWork(ProcessEngine engine, Authentication caller, String taskId) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return EngineCallers.as(engine, caller, () -> config.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return false; // ended meanwhile
            }
            try {
                for (CommandChecker checker : config.getCommandCheckers()) {
                    checker.checkTaskWork(task);
                }
                return true;
            } catch (AuthorizationException refused) {
                return false;
            }
        }));
    }
}
