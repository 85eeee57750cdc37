package org.spotcheck.engineguard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's trust boundaries, set before it starts:
 * <ul>
 * <li>the {@link DeploymentGuard} in front of the deployers: a model names only the
 * application's delegates (beans that are delegates or listeners); every other bean, and
 * the protected variables, are names its expressions may not read;</li>
 * <li>history written without the protected variables ({@link NeedToKnowHistory});</li>
 * <li>no account lockout in the engine: Camunda locks an account after failed logins
 * whoever sent them, so an anonymous caller could stop intake; failed logins are
 * throttled per client instead (security/LoginThrottle);</li>
 * <li>a user may read, not change, its own profile ({@link ReadOnlySelf}); variables
 * need their own permissions, and Java-serialized variables are refused.</li>
 * </ul>
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;
    private volatile ModelPolicy policy;

    EngineGuardPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> pre = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(0, new DeploymentGuard(this::policy));
        configuration.setCustomPreDeployers(pre);

        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> history = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        history.add(0, new NeedToKnowHistory());
        configuration.setCustomHistoryEventHandlers(history);

        // a failed login never locks an account, not even for a moment (the delay is capped at 0 s)
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(0);
        // variables need their own permissions (READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, task READ_VARIABLE)
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setResourceAuthorizationProvider(new ReadOnlySelf());
    }

    /** Built at the first deployment, when every bean is defined; names only, no bean is created. */
    ModelPolicy policy() {
        if (policy == null) {
            Set<String> delegates = new HashSet<>();
            for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class,
                    DelegateVariableMapping.class)) {
                delegates.addAll(Arrays.asList(beans.getBeanNamesForType(type, true, false)));
            }
            Set<String> reserved = new HashSet<>(Arrays.asList(beans.getBeanDefinitionNames()));
            reserved.removeAll(delegates);
            reserved.addAll(ProtectedVariables.NAMES);
            policy = new ModelPolicy(delegates, reserved);
        }
        return policy;
    }
}
