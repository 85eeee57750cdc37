package org.spotcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.spotcheck.evidence.CustodyAuditProcess.Elements.*;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.paths.DiagramPathTest;

/** The one path through {@code bpmn/custody-audit.bpmn}: a timer starts the check every hour, with no user. */
@Deployment(resources = "bpmn/custody-audit.bpmn")
class CustodyAuditPathsTest extends DiagramPathTest {

    @Test
    void shouldVerifyTheCustodyChainsEveryHourAndStayScheduled() {
        Job due = jobQuery().processDefinitionKey(CustodyAuditProcess.KEY).timers().singleResult();
        assertThat(due).as("the hourly timer is scheduled on deployment").isNotNull();

        execute(due);
        // the check is a step of its own: a failure (a broken chain) becomes an incident there
        Job check = jobQuery().processDefinitionKey(CustodyAuditProcess.KEY).activityId(VERIFY).messages().singleResult();
        assertThat(check).as("the check waits in a job of its own").isNotNull();
        execute(check);

        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(CustodyAuditProcess.KEY).singleResult();
        assertThat(run).isNotNull();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .orderPartiallyByOccurrence().asc().list())
                .extracting(a -> a.getActivityId()).containsExactly(START, VERIFY, END);
        assertThat(delegates.calls()).containsExactly("verifyCustodyChains");
        // a cycle: the next run is scheduled as this one starts
        assertThat(jobQuery().processDefinitionKey(CustodyAuditProcess.KEY).timers().count()).isEqualTo(1);
    }
}
