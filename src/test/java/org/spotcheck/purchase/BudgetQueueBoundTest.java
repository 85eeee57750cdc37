package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.ProcessRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** At most spotcheck.purchase.max-waiting (here 3) cases wait for budget; when full, the lowest in release order gives way. */
@TestPropertySource(properties = {"spotcheck.purchase.max-waiting=3",
        "spring.kafka.listener.auto-startup=false", // the shared topics are for the main test context
        "camunda.bpm.process-engine-name=queue"}) // an engine of its own, as ExplorationPathTest says why
@Tag("own-context") // a Spring context of its own: its own JVM (pom.xml)
class BudgetQueueBoundTest extends CaseFlows {

    @Autowired
    private WaitingCaseReleaser releaser;

    @BeforeEach
    void emptyQueueAndNoBudgetToday() {
        jdbc.sql("delete from budget_year").update();
        releaser.releaseWaitingCases(); // whatever others left waiting fits the default budget
        assertThat(waitingForBudget()).isEmpty();
        allowToday(BigDecimal.ZERO);
    }

    @AfterEach
    void restoreBudget() {
        jdbc.sql("delete from budget_year").update();
        releaser.releaseWaitingCases();
    }

    private List<String> waitingForBudget() {
        return jdbc.sql("select case_number from spot_case where status = 'AWAITING_BUDGET' and closed_at is null")
                .query(String.class).list();
    }

    private static ObjectNode priority2() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.signals(flag).put("riskScore", 0.75);
        return flag;
    }

    @Test
    void aHigherRankedNewcomerDisplacesTheWorstWaitingCaseAndALowerRankedOneIsTurnedAway() {
        Case olderP2 = newCase(priority2());
        Case p2 = newCase(priority2());
        Case newestP2 = newCase(priority2());
        assertThat(waitingForBudget()).containsExactlyInAnyOrder(olderP2.number(), p2.number(), newestP2.number());

        Case p1 = newCase(Flags.decidedAs("TEST_BUY"));

        assertThat(p1.process()).isWaitingAt(WAIT_BUDGET);
        assertThat(ProcessRef.of(engine, newestP2.process().getId()))
                .hasPassedInOrder(WAIT_BUDGET, BUDGET_DISPLACED, CLOSE_QUEUE_FULL, END_QUEUE_FULL).isEnded();
        JsonNode displaced = view(newestP2);
        assertThat(displaced.get("outcome").asText()).isEqualTo("MONITORED");
        assertThat(displaced.get("timeline").toString()).contains("Gave way in the full budget queue (3 cases) to "
                + p1.number() + ", which ranks higher; closed unbought, the listing stays watched");
        assertThat(waitingForBudget()).containsExactlyInAnyOrder(olderP2.number(), p2.number(), p1.number());

        Case latecomer = newCase(priority2());

        assertThat(latecomer.process()).hasPassed(GATEWAY_BUDGET_QUEUE, CLOSE_QUEUE_FULL, END_QUEUE_FULL)
                .hasNotPassed(WAIT_BUDGET).isEnded();
        JsonNode turnedAway = view(latecomer);
        assertThat(turnedAway.get("outcome").asText()).isEqualTo("MONITORED");
        assertThat(turnedAway.get("timeline").toString())
                .contains("The budget queue is full (3 cases, each ranked above this one); closed unbought")
                .doesNotContain("AWAITING_BUDGET");
        assertThat(waitingForBudget()).containsExactlyInAnyOrder(olderP2.number(), p2.number(), p1.number());
    }

    @Test
    void casesArrivingTogetherNeverOverfillTheQueueAndTheBestStay() throws Exception {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ours.add(newCase(priority2()).number());
        }
        int together = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(together);
        List<Future<Api.Response>> posted = new ArrayList<>();
        for (int i = 0; i < together; i++) {
            String flag = Flags.decidedAs("TEST_BUY").toString();
            posted.add(pool.submit(() -> {
                start.await();
                return api().post("/api/cases", "intake", flag);
            }));
        }
        start.countDown();
        for (Future<Api.Response> response : posted) {
            Api.Response created = response.get();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ours.add(created.json().get("caseNumber").asText());
        }
        pool.shutdown();
        runStartsLeftBehind(ours);

        List<String> best = jdbc.sql("""
                select case_number from spot_case where case_number in (:ours)
                order by priority, risk_score desc, opened_at, id limit 3""").param("ours", ours).query(String.class).list();
        assertThat(waitingForBudget()).containsExactlyInAnyOrderElementsOf(best);
        assertThat(jdbc.sql("""
                select count(*) from spot_case where case_number in (:ours) and outcome = 'MONITORED'""")
                .param("ours", ours).query(Long.class).single()).isEqualTo(ours.size() - 3);
    }

    /** A request that waited its 2 s for the start of its case and answered before it: run that start now. */
    private void runStartsLeftBehind(List<String> caseNumbers) {
        for (String caseNumber : caseNumbers) {
            String pi = jdbc.sql("select process_instance_id from spot_case where case_number = :c")
                    .param("c", caseNumber).query(String.class).single();
            runJobs(pi);
        }
    }
}
