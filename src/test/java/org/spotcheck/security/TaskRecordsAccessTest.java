package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.TasklistSession;

/**
 * A task's comments and attachments are the task's: only who may see the task reads them,
 * only who may work on it (or an administrator) adds or changes them, through engine-rest
 * and the webapps' engine API alike. The engine itself checks none of this: its comment
 * and attachment resources look only for the task in the history, which managers and
 * process owners may read, and reads by comment or attachment id, or deleting an
 * attachment, check nothing at all.
 */
class TaskRecordsAccessTest extends CaseFlows {

    private static final String WATCHER = "task-watcher";
    private static final List<String> OUTSIDERS = List.of("manager", "owner", "custodian", "analyst", "liaison");

    private Task task;
    private Comment comment;
    private Attachment attachment;

    @BeforeEach
    void aBuyersTaskWithACommentAndAnAttachment() {
        task = task(newCase(Flags.decidedAs("TEST_BUY")));
        comment = engine.getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                "Seller asked for a phone number before shipping");
        attachment = engine.getTaskService().createAttachment("text/plain", task.getId(), task.getProcessInstanceId(),
                "chat.txt", "chat with the seller", new ByteArrayInputStream("order TB-1".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void removeWatcher() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(WATCHER).count() > 0) {
            identity.deleteUser(WATCHER);
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations.createAuthorizationQuery().userIdIn(WATCHER).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    private String taskPath(String rest) {
        return "/engine-rest/task/" + task.getId() + rest;
    }

    private static String attachmentBody() {
        return "--b\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nplanted.txt\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"content\"; filename=\"planted.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nplanted\r\n--b--\r\n";
    }

    private void untouched() {
        assertThat(engine.getTaskService().getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .containsExactly(comment.getFullMessage());
        assertThat(engine.getTaskService().getTaskAttachments(task.getId())).extracting(Attachment::getId)
                .containsExactly(attachment.getId());
    }

    @Test
    void whoCannotSeeTheTaskNeitherReadsNorAddsNorChangesItsCommentsAndAttachments() {
        for (String user : OUTSIDERS) {
            for (String read : new String[] {"/comment", "/comment/" + comment.getId(), "/attachment",
                    "/attachment/" + attachment.getId(), "/attachment/" + attachment.getId() + "/data"}) {
                Api.Response refused = api().get(taskPath(read), user);
                assertThat(refused.status()).as(user + " reads " + read + ": " + refused.body()).isEqualTo(404);
                assertThat(refused.isProblem()).as(user + " reads " + read).isTrue();
                assertThat(refused.body()).doesNotContain("phone number", "order TB-1", "chat.txt");
            }
            Api.Response added = api().post(taskPath("/comment/create"), user, "{\"message\": \"planted\"}");
            assertThat(added.status()).as(user + " comments: " + added.body()).isEqualTo(404);
            Api.Response attached = api().post(taskPath("/attachment/create"), user, attachmentBody(),
                    "multipart/form-data; boundary=b");
            assertThat(attached.status()).as(user + " attaches: " + attached.body()).isEqualTo(404);
            assertThat(api().delete(taskPath("/attachment/" + attachment.getId()), user).status())
                    .as(user + " deletes the attachment").isEqualTo(404);
            assertThat(api().delete(taskPath("/comment/" + comment.getId()), user).status())
                    .as(user + " deletes the comment").isEqualTo(404);
            assertThat(api().put(taskPath("/comment"), user,
                    "{\"id\": \"" + comment.getId() + "\", \"message\": \"rewritten\"}").status())
                    .as(user + " rewrites the comment").isEqualTo(404);
        }
        untouched();
    }

    @Test
    void theWebappsEngineApiRefusesThemAlike() {
        TasklistSession custodian = api().tasklist("custodian");
        TasklistSession manager = api().cockpit("manager");
        assertThat(manager.loginStatus()).isEqualTo(200);
        for (TasklistSession session : new TasklistSession[] {custodian, manager}) {
            for (String read : new String[] {"/comment", "/attachment", "/attachment/" + attachment.getId() + "/data"}) {
                assertThat(session.get("/task/" + task.getId() + read).status()).as(read).isEqualTo(404);
            }
            assertThat(session.post("/task/" + task.getId() + "/comment/create", "{\"message\": \"planted\"}").status())
                    .isEqualTo(404);
        }
        untouched();
    }

    @Test
    void whoMaySeeButNotWorkOnTheTaskReadsItsRecordsButAddsNothing() {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(WATCHER);
        user.setPassword(WATCHER);
        identity.saveUser(user);
        identity.createMembership(WATCHER, Groups.MANAGERS);
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId(WATCHER);
        read.setResource(Resources.TASK);
        read.setResourceId(task.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);

        Api.Response comments = api().get(taskPath("/comment"), WATCHER);
        assertThat(comments.status()).as(comments.body()).isEqualTo(200);
        assertThat(comments.body()).contains("phone number");
        Api.Response added = api().post(taskPath("/comment/create"), WATCHER, "{\"message\": \"planted\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(403);
        assertThat(added.isProblem()).isTrue();
        assertThat(api().delete(taskPath("/attachment/" + attachment.getId()), WATCHER).status()).isEqualTo(403);
        untouched();
    }

    @Test
    void aCommentStaysOnItsTask() {
        Task other = task(newCase(Flags.decidedAs("TEST_BUY")));

        Api.Response misplaced = api().post(taskPath("/comment/create"), "admin",
                "{\"message\": \"elsewhere\", \"processInstanceId\": \"" + other.getProcessInstanceId() + "\"}");

        assertThat(misplaced.status()).as(misplaced.body()).isEqualTo(400);
        assertThat(misplaced.isProblem()).isTrue();
        assertThat(engine.getTaskService().getProcessInstanceComments(other.getProcessInstanceId())).isEmpty();
        untouched();
    }

    @Test
    void anAdministratorReadsAndAddsThem() {
        Api.Response comments = api().get(taskPath("/comment"), "admin");
        assertThat(comments.status()).isEqualTo(200);
        assertThat(comments.body()).contains("phone number");
        assertThat(api().get(taskPath("/attachment/" + attachment.getId() + "/data"), "admin").body())
                .isEqualTo("order TB-1");
        Api.Response added = api().post(taskPath("/comment/create"), "admin",
                "{\"message\": \"checked\", \"processInstanceId\": \"" + task.getProcessInstanceId() + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(engine.getTaskService().getTaskComments(task.getId())).hasSize(2);
    }

    @Test
    void processInstanceCommentsHoldEveryTaskCommentAndAreForAdministratorsOnly() {
        String path = "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/comment";
        for (String user : List.of("manager", "owner", "buyer", "custodian")) {
            Api.Response refused = api().get(path, user);
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(api().delete(path + "/" + comment.getId(), user).status()).as(user).isEqualTo(403);
        }
        assertThat(api().get(path, "admin").body()).contains("phone number");
        untouched();
    }

    @Test
    void theTasksCandidatesReadAndAddThemInTasklistAndThroughEngineRest() {
        TasklistSession buyer = api().tasklist("buyer");

        Api.Response comments = buyer.get("/task/" + task.getId() + "/comment");
        assertThat(comments.status()).as(comments.body()).isEqualTo(200);
        assertThat(comments.body()).contains("phone number");
        Api.Response added = buyer.post("/task/" + task.getId() + "/comment/create",
                "{\"message\": \"No phone given\", \"processInstanceId\": \"" + task.getProcessInstanceId() + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        Api.Response viaRest = api().post(taskPath("/comment/create"), "buyer", "{\"message\": \"Ordered\"}");
        assertThat(viaRest.status()).as(viaRest.body()).isEqualTo(200);
        assertThat(api().get(taskPath("/attachment/" + attachment.getId() + "/data"), "buyer").body())
                .isEqualTo("order TB-1");

        assertThat(engine.getTaskService().getTaskComments(task.getId()))
                .extracting(Comment::getUserId, Comment::getFullMessage)
                .contains(org.assertj.core.groups.Tuple.tuple("buyer", "No phone given"),
                        org.assertj.core.groups.Tuple.tuple("buyer", "Ordered"));
    }
}
