package org.spotcheck.engine.guard;

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
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's trust boundaries, set before it starts:
 * <ul>
 * <li>the {@link DeploymentGuard} in front of the deployers: a model names only the
 * application's delegates (beans that are delegates or listeners); every other bean, and
 * the protected variables, are names its expressions may not read;</li>
 * <li>and in case a model gets past it: expressions resolve no bean but those delegates
 * ({@link DelegatesOnly});</li>
 * <li>history written without the protected variables ({@link NeedToKnowHistory}), which
 * capabilities declare as {@link ProtectedVariables} beans;</li>
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
    private final ApplicationContext context;
    private volatile Set<String> delegates;
    private final Set<String> protectedNames;
    private volatile ModelPolicy policy;

    EngineGuardPlugin(ListableBeanFactory beans, ApplicationContext context, List<ProtectedVariables> protectedVariables) {
        this.beans = beans;
        this.context = context;
        this.protectedNames = protectedVariables.stream().flatMap(p -> p.names().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // expressions resolve only the delegates, not the whole context (replaces the starter's manager)
        configuration.setExpressionManager(new SpringExpressionManager(context, new DelegatesOnly(beans, this::delegates)));
        List<Deployer> pre = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(0, new DeploymentGuard(this::policy));
        configuration.setCustomPreDeployers(pre);

        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> history = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        history.add(0, new NeedToKnowHistory(protectedNames));
        configuration.setCustomHistoryEventHandlers(history);

        // a failed login never locks an account, not even for a moment (the delay is capped at 0 s)
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(0);
        // variables need their own permissions (READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, task READ_VARIABLE)
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setResourceAuthorizationProvider(new ReadOnlySelf());
    }

    /** The application's delegates and listeners, found when first asked for; names only, no bean is created. */
    Set<String> delegates() {
        if (delegates == null) {
            Set<String> names = new HashSet<>();
            for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class,
                    DelegateVariableMapping.class)) {
                names.addAll(Arrays.asList(beans.getBeanNamesForType(type, true, false)));
            }
            delegates = Set.copyOf(names);
        }
        return delegates;
    }

    /** Built at the first deployment, when every bean is defined. */
    ModelPolicy policy() {
        if (policy == null) {
            Set<String> reserved = new HashSet<>(Arrays.asList(beans.getBeanDefinitionNames()));
            if (beans instanceof ConfigurableListableBeanFactory factory) {
                // beans registered as singletons, not definitions: systemEnvironment, systemProperties, environment
                reserved.addAll(Arrays.asList(factory.getSingletonNames()));
            }
            reserved.addAll(List.of("systemEnvironment", "systemProperties", "environment", "applicationContext"));
            reserved.removeAll(delegates());
            reserved.addAll(protectedNames);
            policy = new ModelPolicy(delegates(), reserved);
        }
        return policy;
    }
}
