package org.spotcheck.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the groups of CONTRACT.md, one Tasklist filter per task group and the
 * authorizations each group needs, at every start-up and idempotently (prod too; only
 * users are left to the administrator). Candidate groups get their own tasks from the
 * engine's default task permissions; nothing here grants access to other groups' tasks.
 */
@Component
class GroupSetup implements InitializingBean {

    private static final long SETUP_LOCK = 0x5907_6209L;
    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.TRIAGE, "Risk analysts",
            Groups.TEST_BUYERS, "Test buyers",
            Groups.EVIDENCE_CUSTODIANS, "Evidence custodians",
            Groups.ENFORCEMENT_LIAISON, "Enforcement liaison",
            Groups.PROCESS_OWNERS, "Process owners",
            Groups.MANAGERS, "Managers",
            Groups.INTEGRATIONS, "Integrations (external systems)",
            Groups.VERIFIERS, "Verifiers (rights holders, labs)",
            Groups.APPEALS, "Appeal reviewers",
            Groups.MONITORING, "Monitoring (Prometheus)");

    /** The columns of every filter's list (TasklistColumns), as Tasklist reads them from the filter's properties. */
    static final List<Map<String, String>> FILTER_VARIABLES = TasklistColumns.VARIABLES.entrySet().stream()
            .map(c -> Map.of("name", c.getKey(), "label", c.getValue())).toList();

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    GroupSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
               TaskService tasks, JdbcClient jdbc, TransactionTemplate tx) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            // nodes starting together take turns, so none creates a group or filter twice
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", SETUP_LOCK).query().singleRow();
            GROUP_NAMES.forEach(this::group);
            for (String group : Groups.TASK_GROUPS) {
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
                grant(group, Resources.FILTER, taskFilter(group), Permissions.READ);
            }
            grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // history variables but not runtime ones: the persona lives only in the purchase task's runtime
            // variables (engine/guard/ProtectedVariables, declared by purchase), never in history
            grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
            grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
            grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            readOnlySelves();
            taskVariablesForTaskWorkers();
            grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        });
    }

    /**
     * Users created before spotcheck made a user's own profile read-only still hold Camunda's
     * ALL on themselves: cut it to READ (new users get READ only, engine/guard/ReadOnlySelf).
     */
    private void readOnlySelves() {
        for (Authorization own : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).list()) {
            if (own.getUserId() != null && own.getUserId().equals(own.getResourceId())
                    && own.isPermissionGranted(Permissions.UPDATE)) {
                own.setPermissions(new Permission[] {Permissions.READ});
                authorizations.saveAuthorization(own);
            }
        }
    }

    /**
     * Tasks created before variables needed their own permission (engine/guard) lack READ_VARIABLE
     * for their candidates and assignee, so Tasklist could not show their forms' values: add it to
     * every grant that lets someone work on a task. Idempotent, one statement.
     */
    private void taskVariablesForTaskWorkers() {
        int readVariable = TaskPermissions.READ_VARIABLE.getValue();
        int work = TaskPermissions.TASK_WORK.getValue();
        jdbc.sql("update act_ru_authorization set perms_ = perms_ | :read, rev_ = rev_ + 1 where resource_type_ = :task"
                        + " and type_ = :grant and perms_ & :work = :work and perms_ & :read = 0")
                .param("read", readVariable).param("work", work).param("task", Resources.TASK.resourceType())
                .param("grant", AUTH_TYPE_GRANT).update();
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** @return the id of the group's Tasklist filter, created when missing */
    private String taskFilter(String group) {
        String name = GROUP_NAMES.get(group) + " tasks";
        Map<String, Object> properties = Map.of(
                "description", "Open tasks of group " + group,
                "priority", Groups.TASK_GROUPS.indexOf(group),
                "refresh", true,
                "variables", FILTER_VARIABLES);
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!properties.equals(existing.getProperties())) { // a filter of an older version shows the new columns too
                existing.setProperties(properties);
                filters.saveFilter(existing);
            }
            return existing.getId();
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks())
                .setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
