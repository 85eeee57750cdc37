package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What start-up mends in a database made by an older spotcheck. */
class GroupSetupUpgradeTest extends IntegrationTest {

    @Autowired
    GroupSetup setup;

    @Test
    void olderTasksGetTheVariablePermissionTheirFormsNeedAndOlderUsersLoseAllOnThemselves() {
        String caseNumber = api().post("/api/cases", "intake", Flags.decidedAs("TEST_BUY").toString()).json()
                .get("caseNumber").asText();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        // as tasks were authorized before variables needed a permission of their own
        jdbc.sql("update act_ru_authorization set perms_ = perms_ & ~:read where resource_type_ = :task and resource_id_ = :id")
                .param("read", TaskPermissions.READ_VARIABLE.getValue()).param("task", Resources.TASK.resourceType())
                .param("id", taskId).update();
        assertThat(api().get("/engine-rest/task/" + taskId + "/form-variables", "buyer").status()).isEqualTo(403);
        engine.getIdentityService().saveUser(engine.getIdentityService().newUser("old-user"));
        try {
            Authorization own = engine.getAuthorizationService().createAuthorizationQuery().userIdIn("old-user")
                    .resourceType(Resources.USER).resourceId("old-user").singleResult();
            own.setPermissions(new org.camunda.bpm.engine.authorization.Permission[] {Permissions.ALL});
            engine.getAuthorizationService().saveAuthorization(own);

            setup.afterPropertiesSet();

            assertThat(api().get("/engine-rest/task/" + taskId + "/form-variables", "buyer").status()).isEqualTo(200);
            Authorization mended = engine.getAuthorizationService().createAuthorizationQuery().userIdIn("old-user")
                    .resourceType(Resources.USER).resourceId("old-user").singleResult();
            assertThat(mended.isPermissionGranted(Permissions.UPDATE)).isFalse();
            assertThat(mended.isPermissionGranted(Permissions.READ)).isTrue();
        } finally {
            engine.getIdentityService().deleteUser("old-user");
        }
    }
}
