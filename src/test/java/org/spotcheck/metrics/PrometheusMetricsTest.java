package org.spotcheck.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /actuator/prometheus}: for admins and group monitoring only, the engine's and
 * spotcheck's metrics by name, and the gauges that query read from a cache that only the
 * refresher fills (the tests' refresh interval is an hour: they refresh it themselves).
 */
class PrometheusMetricsTest extends CaseFlows {

    private static final String PATH = "/actuator/prometheus";

    @Autowired
    MetricsRefresher refresher;

    @Test
    void monitoringAndAdminScrapeTheEngineAndSpotcheckMetrics() {
        refresher.refreshNow();
        for (String user : new String[] {"monitor", "admin"}) {
            Api.Response scrape = api().get(PATH, user);
            assertThat(scrape.status()).as(user).isEqualTo(200);
            assertThat(scrape.contentType()).as(user).startsWith("text/plain");
            String body = scrape.body();
            for (String metric : new String[] {"camunda_incidents_open", "camunda_jobs_no_retries", "camunda_jobs_due",
                    "camunda_tasks_open{group=\"triage\"}", "camunda_tasks_open{group=\"test-buyers\"}",
                    "camunda_tasks_overdue{group=\"evidence-custodians\"}", "camunda_tasks_overdue{group=\"appeals\"}",
                    "spotcheck_outbox_unsent", "spotcheck_outbox_lag_seconds", "spotcheck_outbox_parked_rows",
                    "spotcheck_budget_total_cny", "spotcheck_budget_spent_cny", "spotcheck_budget_reserved_cny",
                    "spotcheck_budget_allowance_cny",
                    "spotcheck_intake_flags_total{decision=\"TEST_BUY\",result=\"opened\"}",
                    "spotcheck_intake_flags_total{decision=\"MONITOR\",result=\"recorded\"}",
                    "spotcheck_kafka_dead_letters_total{cause=\"rejected\",topic=\"spotcheck.flags\"}",
                    "spotcheck_metrics_refresh_seconds_count{source=\"engine\"}",
                    "spotcheck_metrics_refresh_failures_total{source=\"outbox\"}"}) {
                assertThat(value(body, metric)).as(user + ": " + metric).isNotNaN().isGreaterThanOrEqualTo(0);
            }
            assertThat(body).as("descriptions").contains("# HELP camunda_tasks_overdue Open user tasks of the candidate"
                    + " group past their due date", "# HELP spotcheck_outbox_lag_seconds Age of the oldest outbox event");
        }
    }

    @Test
    void everyoneElseIsRefusedAndHealthStaysOpen() {
        Api.Response anonymous = api().get(PATH, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.body()).doesNotContain("camunda_");
        for (String user : new String[] {"analyst", "manager", "owner", "intake", "rh-acme"}) {
            Api.Response refused = api().get(PATH, user);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).doesNotContain("camunda_");
        }
        Api.Response health = api().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        // no other actuator endpoint, nor their list, for anyone
        assertThat(api().get("/actuator", null).status()).isEqualTo(401);
        assertThat(api().get("/actuator/env", "admin").status()).isEqualTo(403);
        assertThat(api().get("/actuator/metrics", "monitor").status()).isEqualTo(403);
        // the metrics and nothing else: no API, no engine, no webapp
        assertThat(api().get("/api/cases", "monitor").status()).isEqualTo(403);
        assertThat(api().get("/engine-rest/task?maxResults=10", "monitor").status()).isEqualTo(403);
        assertThat(api().webapp("welcome", "monitor", "monitor").loginStatus()).isEqualTo(401);
    }

    @Test
    void aScrapeReadsTheCacheOnlyAndTheNextRefreshShowsANewCaseAndAnOverdueTask() {
        refresher.refreshNow();
        String before = api().get(PATH, "monitor").body();
        double refreshes = value(before, "spotcheck_metrics_refresh_seconds_count{source=\"engine\"}");
        double triageOpen = value(before, "camunda_tasks_open{group=\"triage\"}");
        double triageOverdue = value(before, "camunda_tasks_overdue{group=\"triage\"}");
        double reviewsOpened = value(before, "spotcheck_intake_flags_total{decision=\"REVIEW\",result=\"opened\"}");

        Case opened = newCase(Flags.decidedAs("REVIEW"));
        Task review = task(opened);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewFlag");
        review.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        engine.getTaskService().saveTask(review);

        for (int scrape = 0; scrape < 3; scrape++) {
            String cached = api().get(PATH, "monitor").body();
            assertThat(value(cached, "spotcheck_metrics_refresh_seconds_count{source=\"engine\"}"))
                    .as("no scrape refreshes").isEqualTo(refreshes);
            assertThat(value(cached, "camunda_tasks_open{group=\"triage\"}")).as("cached").isEqualTo(triageOpen);
            assertThat(value(cached, "camunda_tasks_overdue{group=\"triage\"}")).as("cached").isEqualTo(triageOverdue);
            // a counter counts as it happens, with no query
            assertThat(value(cached, "spotcheck_intake_flags_total{decision=\"REVIEW\",result=\"opened\"}"))
                    .isEqualTo(reviewsOpened + 1);
        }

        refresher.refreshNow();
        String after = api().get(PATH, "monitor").body();
        assertThat(value(after, "spotcheck_metrics_refresh_seconds_count{source=\"engine\"}")).isEqualTo(refreshes + 1);
        assertThat(value(after, "camunda_tasks_open{group=\"triage\"}")).isEqualTo(triageOpen + 1);
        assertThat(value(after, "camunda_tasks_overdue{group=\"triage\"}")).isEqualTo(triageOverdue + 1);
        // the case's events wait for the relay, which the tests run themselves
        assertThat(value(after, "spotcheck_outbox_unsent")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "spotcheck_outbox_lag_seconds")).isGreaterThanOrEqualTo(0);
    }

    /** The value of a sample, by its name and labels as the text format writes them; NaN when absent. */
    static double value(String scrape, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
