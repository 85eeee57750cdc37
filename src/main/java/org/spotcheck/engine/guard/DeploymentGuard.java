package org.spotcheck.engine.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers on every new deployment: unless an admin
 * deploys, each model must pass {@link ModelPolicy}. A refusal is a {@link ParseException},
 * so engine-rest answers 400 and Camunda Modeler lists each problem with its element.
 * Deployments read back from the database (a cache miss after a restart) are not new and
 * pass unchecked: they were checked when they were made.
 */
class DeploymentGuard implements Deployer {

    private final Supplier<ModelPolicy> policy;

    DeploymentGuard(Supplier<ModelPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployedByAdmin()) {
            return;
        }
        List<ModelPolicy.Violation> violations = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            violations.addAll(policy.get().check(resource.getName(), resource.getBytes()));
        }
        if (violations.isEmpty()) {
            return;
        }
        List<Problem> problems = violations.stream().map(PolicyProblem::new).map(Problem.class::cast).toList();
        throw new ParseException("The deployment uses what a process owner may not deploy (only admins may): "
                + String.join("; ", violations.stream().map(ModelPolicy.Violation::toString).toList()),
                violations.get(0).resource(), problems, List.of());
    }

    private static boolean deployedByAdmin() {
        CommandContext command = Context.getCommandContext();
        Authentication user = command == null ? null : command.getAuthentication();
        return user != null && command.getAuthorizationManager().isCamundaAdmin(user);
    }

    private record PolicyProblem(ModelPolicy.Violation violation) implements Problem {
        @Override
        public String getMessage() {
            return violation.message();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return violation.elementId() == null ? List.of() : List.of(violation.elementId());
        }
    }
}
