package org.spotcheck.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.spotcheck.metrics.CachedMetrics;
import org.spotcheck.metrics.CachedValue;
import org.spotcheck.security.Groups;
import org.springframework.stereotype.Component;

/**
 * The engine's health as gauges, from its own services (count queries, no rows read), cached
 * between refreshes: open incidents, jobs out of retries, the backlog of jobs due, and each
 * task group's open and overdue tasks. The refresher's thread has no authenticated user, so
 * the counts are of all instances, not of what one user may see.
 */
@Component
class EngineMetrics implements CachedMetrics {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    private final CachedValue incidents;
    private final CachedValue noRetries;
    private final CachedValue due;
    private final Map<String, CachedValue> open = new LinkedHashMap<>();
    private final Map<String, CachedValue> overdue = new LinkedHashMap<>();

    EngineMetrics(RuntimeService runtime, ManagementService management, TaskService tasks, MeterRegistry meters) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        incidents = CachedValue.gauge(meters, "camunda.incidents.open",
                "Open incidents: a job or external task that failed out of retries and waits for an operator", null);
        noRetries = CachedValue.gauge(meters, "camunda.jobs.no.retries",
                "Jobs with no retries left: each stops its case until retried in Cockpit", null);
        due = CachedValue.gauge(meters, "camunda.jobs.due",
                "Jobs due now (asynchronous steps, timers) waiting for or being run by a job executor: the backlog", null);
        for (String group : Groups.TASK_GROUPS) {
            open.put(group, CachedValue.gauge(meters, "camunda.tasks.open",
                    "Open user tasks of the candidate group, claimed or not", null, "group", group));
            overdue.put(group, CachedValue.gauge(meters, "camunda.tasks.overdue",
                    "Open user tasks of the candidate group past their due date", null, "group", group));
        }
    }

    @Override
    public String source() {
        return "engine";
    }

    @Override
    public void refresh() {
        incidents.set(runtime.createIncidentQuery().count());
        noRetries.set(management.createJobQuery().noRetriesLeft().count());
        due.set(management.createJobQuery().executable().active().count());
        // the engine's clock: the one that set the due dates
        Date now = ClockUtil.getCurrentTime();
        open.forEach((group, value) -> value.set(
                tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count()));
        overdue.forEach((group, value) -> value.set(
                tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().dueBefore(now).count()));
    }
}
