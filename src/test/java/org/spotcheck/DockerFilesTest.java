package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the tests, so docker/ is checked as text: the compose file parses,
 * has the services the README promises with health checks, and hands the app every
 * setting prod mode requires; Prometheus scrapes both nodes with the monitoring account,
 * and Grafana's dashboard queries the metrics.
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
    void composeHasPostgresKafkaTwoAppNodesAndTheirMonitoringWithHealthChecks() throws IOException {
        assertThat((Map<String, Object>) compose().get("services")).containsOnlyKeys("postgres", "kafka", "app1", "app2",
                "prometheus", "grafana");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16-alpine");
        assertThat(service("kafka").get("image")).asString().startsWith("apache/kafka:");
        // pinned: an upgrade of either is a change of its own
        assertThat(service("prometheus").get("image")).asString().matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat(service("grafana").get("image")).asString().matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
        for (String name : List.of("postgres", "kafka", "app1", "app2", "prometheus", "grafana")) {
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
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothNodesWithTheMonitoringAccountOfTheEnvironment() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(Path.of("docker/prometheus.yml")));
        Map<String, Object> spotcheck = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
                .filter(job -> "spotcheck".equals(job.get("job_name"))).findFirst().orElseThrow();
        assertThat(spotcheck.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(((List<Map<String, Object>>) spotcheck.get("static_configs")).get(0).get("targets"))
                .isEqualTo(List.of("app1:8080", "app2:8080"));
        assertThat((Map<String, Object>) spotcheck.get("basic_auth")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "username_file", "/run/secrets/monitoring_user", "password_file", "/run/secrets/monitoring_password"));
        // the secrets come from docker/.env, which names them
        Map<String, Object> secrets = (Map<String, Object>) compose().get("secrets");
        assertThat(secrets.get("monitoring_user")).isEqualTo(Map.of("environment", "SPOTCHECK_MONITORING_USER"));
        assertThat(secrets.get("monitoring_password")).isEqualTo(Map.of("environment", "SPOTCHECK_MONITORING_PASSWORD"));
        assertThat((List<String>) service("prometheus").get("secrets")).contains("monitoring_user", "monitoring_password");
        assertThat(Files.readString(Path.of("docker/.env.example")))
                .contains("SPOTCHECK_MONITORING_USER=", "SPOTCHECK_MONITORING_PASSWORD=", "GRAFANA_ADMIN_PASSWORD=");
        assertThat((List<String>) service("prometheus").get("volumes")).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaGetsPrometheusAndADashboardOfTheMetrics() throws IOException {
        Map<String, Object> sources = new Yaml().load(Files.readString(
                Path.of("docker/grafana/provisioning/datasources/prometheus.yaml")));
        Map<String, Object> prometheus = ((List<Map<String, Object>>) sources.get("datasources")).get(0);
        assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090")
                .containsEntry("uid", "prometheus");
        Map<String, Object> providers = new Yaml().load(Files.readString(
                Path.of("docker/grafana/provisioning/dashboards/spotcheck.yaml")));
        String dashboards = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0)
                .get("options")).get("path");
        assertThat((List<String>) service("grafana").get("volumes")).contains("./grafana/dashboards:" + dashboards + ":ro",
                "./grafana/provisioning:/etc/grafana/provisioning:ro");

        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker/grafana/dashboards/spotcheck.json").toFile());
        // the data source is a variable: the file imports into any Grafana with a Prometheus data source
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (!"row".equals(panel.get("type").asText())) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo("${datasource}");
                panel.get("targets").forEach(target -> queries.add(target.get("expr").asText()));
            }
        }
        assertThat(String.join("\n", queries)).contains("camunda_incidents_open", "camunda_jobs_no_retries",
                "camunda_jobs_due", "camunda_tasks_open", "camunda_tasks_overdue", "spotcheck_intake_flags_total",
                "spotcheck_outbox_unsent", "spotcheck_outbox_lag_seconds", "spotcheck_outbox_parked_rows",
                "spotcheck_kafka_dead_letters_total", "spotcheck_budget_spent_cny", "spotcheck_budget_reserved_cny");
    }

    @Test
    void dockerfileBuildsTheJarWithTheProcessModelsAndRunsItAsNonRoot() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre",
                "COPY bpmn bpmn", "COPY forms forms", "USER spotcheck", "/actuator/health");
        assertThat(Files.exists(Path.of("docker/.env.example"))).isTrue();
    }
}
