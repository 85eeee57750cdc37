package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spotcheck.SpotcheckApplication;
import org.spotcheck.support.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Prod mode: no profile, settings from the environment, no built-in users, no secret in the log. */
@Tag("own-context") // a Spring context of its own: its own JVM (pom.xml)
@ExtendWith(OutputCaptureExtension.class)
class ProdModeTest {

    private static final String[] BLANK_SETTINGS = {
            "--spring.datasource.url=", "--spring.datasource.username=", "--spring.datasource.password=",
            "--spring.kafka.bootstrap-servers=", "--camunda.bpm.admin-user.id=", "--camunda.bpm.admin-user.password="};

    private static SpringApplicationBuilder prod() {
        return new SpringApplicationBuilder(SpotcheckApplication.class);
    }

    @Test
    void refusesToStartWithoutSettingsAndNamesEachMissingVariable() {
        assertThatThrownBy(() -> prod().run(BLANK_SETTINGS))
                .hasMessageContaining("cannot start in prod mode")
                .hasMessageContaining("SPOTCHECK_DB_URL is not set")
                .hasMessageContaining("SPOTCHECK_DB_USER is not set")
                .hasMessageContaining("SPOTCHECK_DB_PASSWORD is not set")
                .hasMessageContaining("SPOTCHECK_KAFKA_BOOTSTRAP_SERVERS is not set")
                .hasMessageContaining("SPOTCHECK_ADMIN_USER is not set")
                .hasMessageContaining("SPOTCHECK_ADMIN_PASSWORD is not set");
    }

    @Test
    void refusesAShortAdminPasswordWithoutRepeatingIt(CapturedOutput log) {
        assertThatThrownBy(() -> prod().run("--spring.datasource.url=jdbc:postgresql://db/spotcheck",
                "--spring.datasource.username=spotcheck", "--spring.datasource.password=Db-Secret-4711",
                "--spring.kafka.bootstrap-servers=kafka:9092", "--camunda.bpm.admin-user.id=chief",
                "--camunda.bpm.admin-user.password=Sh0rt!x"))
                .hasMessageContaining("SPOTCHECK_ADMIN_PASSWORD is shorter than 12 characters")
                .hasMessageNotContaining("is not set")
                .hasMessageNotContaining("Sh0rt!x");
        assertThat(log.getAll()).doesNotContain("Sh0rt!x").doesNotContain("Db-Secret-4711");
    }

    @Test
    void refusesADatabaseWithDevAccounts() throws Exception {
        try (Connection connection = SharedInfrastructure.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database devcheck");
        }
        String url = "jdbc:postgresql://localhost:" + SharedInfrastructure.postgres().getPort() + "/devcheck";
        // a dev start leaves the dev accounts behind
        prod().profiles("test").run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBrokers(),
                "--spring.kafka.listener.auto-startup=false", "--camunda.bpm.process-engine-name=devstart").close();

        assertThatThrownBy(() -> prod().run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBrokers(),
                "--camunda.bpm.admin-user.id=chief", "--camunda.bpm.admin-user.password=a-long-admin-secret",
                "--camunda.bpm.process-engine-name=devcheck"))
                .hasStackTraceContaining("the database holds dev accounts")
                .hasStackTraceContaining("analyst");
    }

    @Test
    void startsWithItsSettingsAndCreatesOnlyTheConfiguredAdmin(CapturedOutput log) throws Exception {
        try (Connection connection = SharedInfrastructure.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database prodcheck");
        }
        String url = "jdbc:postgresql://localhost:" + SharedInfrastructure.postgres().getPort() + "/prodcheck";
        try (ConfigurableApplicationContext app = prod().run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBrokers(),
                "--camunda.bpm.admin-user.id=chief", "--camunda.bpm.admin-user.password=a-long-admin-secret",
                "--camunda.bpm.process-engine-name=prodcheck")) {
            IdentityService identity = app.getBean(IdentityService.class);

            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("chief");
            assertThat(identity.checkPassword("chief", "a-long-admin-secret")).isTrue();
            assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
                    .contains("camunda-admin", "triage", "test-buyers", "evidence-custodians", "enforcement-liaison",
                            "process-owners", "integrations", "verifiers", "monitoring");
        }
        assertThat(log.getAll()).as("the log of a prod start").contains("Started").doesNotContain("a-long-admin-secret");
    }
}
