package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the tests, so docker/ is checked as text: the compose file parses,
 * has the services the README promises with health checks, and hands the app every
 * setting prod mode requires.
 */
class DockerFilesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    void composeHasPostgresKafkaAndTwoAppNodesWithHealthChecks() throws IOException {
        assertThat((Map<String, Object>) compose().get("services")).containsOnlyKeys("postgres", "kafka", "app1", "app2");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16-alpine");
        assertThat(service("kafka").get("image")).asString().startsWith("apache/kafka:");
        for (String name : List.of("postgres", "kafka", "app1", "app2")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat(service("app1").get("ports")).isNotEqualTo(service("app2").get("ports"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void appNodesGetEverySettingProdModeRequiresAndWaitForTheirBackends() throws IOException {
        for (String node : List.of("app1", "app2")) {
            Map<String, Object> app = service(node);
            Map<String, Object> environment = (Map<String, Object>) app.get("environment");
            assertThat(environment).as(node).containsKeys(ProdSettingsCheck.requiredVariables().toArray(String[]::new));
            assertThat(environment.get("SPOTCHECK_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(environment.get("SPOTCHECK_DB_URL").toString()).contains("//postgres:5432/");
            assertThat((Map<String, Object>) app.get("depends_on")).containsOnlyKeys("postgres", "kafka");
            assertThat(((Map<String, Object>) app.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        }
        Map<String, Object> kafka = (Map<String, Object>) service("kafka").get("environment");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("kafka:9092");
    }

    @Test
    void dockerfileBuildsTheJarWithTheProcessModelsAndRunsItAsNonRoot() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre",
                "COPY bpmn bpmn", "COPY forms forms", "USER spotcheck", "/actuator/health");
        assertThat(Files.exists(Path.of("docker/.env.example"))).isTrue();
    }
}
