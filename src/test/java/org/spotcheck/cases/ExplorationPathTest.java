package org.spotcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.spotcheck.support.ProcessRef;
import org.springframework.test.context.TestPropertySource;

/**
 * With an exploration share of 100 % of a day's allowance that covers any buy from the day's
 * first second, every low-risk flag is drawn for an exploration buy and marked so.
 */
@TestPropertySource(properties = {"spotcheck.triage.exploration-share=1", "spotcheck.budget.yearly-cny=1000000000000",
        "spring.kafka.listener.auto-startup=false", // the shared topics are for the main test context
        // a context of its own, so an engine of its own: the webapps and engine-rest of the main
        // context look engines up by name, and must keep finding the main context's "default"
        "camunda.bpm.process-engine-name=exploration"})
@Tag("own-context") // a Spring context of its own: its own JVM (pom.xml)
class ExplorationPathTest extends IntegrationTest {

    @Test
    void shouldBuyALowRiskFlagDrawnForExploration() {
        Api.Response created = api().post("/api/cases", "intake", Flags.decidedAs("MONITOR").toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("decision").asText()).isEqualTo("MONITOR");
        assertThat(ProcessRef.of(engine, created.json().get("processInstanceId").asText()))
                .hasNotPassed(CounterfeitCaseProcess.Elements.CLOSE_MONITORED)
                .isWaitingAt(CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE);
        JsonNode view = api().get(created.location(), "analyst").json();
        assertThat(view.at("/triage/decision").asText()).isEqualTo("MONITOR");
        assertThat(view.at("/triage/exploration").asBoolean()).isTrue();
        assertThat(view.get("timeline").toString()).contains("exploration buy");
    }

    @Test
    void shouldNotTurnAReviewIntoAnExplorationBuy() {
        Api.Response created = api().post("/api/cases", "intake", Flags.decidedAs("REVIEW").toString());

        assertThat(ProcessRef.of(engine, created.json().get("processInstanceId").asText()))
                .isWaitingAt(CounterfeitCaseProcess.Elements.REVIEW_FLAG);
    }
}
