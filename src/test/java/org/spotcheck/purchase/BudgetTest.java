package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.ProcessRef;
import org.springframework.beans.factory.annotation.Autowired;

/** The paced budget on the real PostgreSQL: waiting, release in priority order, no overspend under concurrency. */
class BudgetTest extends CaseFlows {

    private static final BigDecimal COST = new BigDecimal("104.00"); // price 89.00 + shipping 15.00

    @Autowired
    private BudgetService budget;
    @Autowired
    private WaitingCaseReleaser releaser;

    @AfterEach
    void restoreBudget() {
        jdbc.sql("delete from budget_year").update();
        releaser.releaseWaitingCases();
    }

    @Test
    void casesWaitWhenTodaysAllowanceIsSpentAndAreReleasedInPriorityOrder() {
        allowToday(new BigDecimal("50"));
        ObjectNode lowPriority = Flags.decidedAs("TEST_BUY");
        Flags.signals(lowPriority).put("riskScore", 0.75); // P2, flagged first
        Case second = newCase(lowPriority);
        Case first = newCase(Flags.decidedAs("TEST_BUY")); // P1

        for (Case c : List.of(first, second)) {
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(c.process())
                    .isWaitingAt(CounterfeitCaseProcess.Elements.WAIT_BUDGET);
            assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_BUDGET");
            assertThat(view(c).get("timeline").toString()).contains("Waiting for budget");
        }
        JsonNode overview = api().get("/api/budget", "manager").json();
        assertThat(overview.get("waitingCases")).extracting(w -> w.get("caseNumber").asText())
                .containsSubsequence(first.number(), second.number());

        allowToday(COST.add(new BigDecimal("50"))); // room for one of the two

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(ProcessRef.of(engine, first.process().getId()))
                .isWaitingAt(CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(ProcessRef.of(engine, second.process().getId()))
                .isWaitingAt(CounterfeitCaseProcess.Elements.WAIT_BUDGET);
        assertThat(view(first).get("status").asText()).isEqualTo("AWAITING_PURCHASE");
    }

    @Test
    void parallelReservationsNeverSpendMoreThanTheAllowance() throws Exception {
        allowToday(BigDecimal.ZERO);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(newCase(Flags.decidedAs("TEST_BUY")).number());
        }
        // five fit, not six; set directly so no releaser runs: twelve threads race for the allowance
        budget.setYearBudget(LocalDate.now(ZoneOffset.UTC).getYear(),
                yearBudgetAllowing(COST.multiply(BigDecimal.valueOf(5)).add(new BigDecimal("50"))), "test");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(waiting.size());
        List<Future<Boolean>> results = new ArrayList<>();
        for (String caseNumber : waiting) {
            Callable<Boolean> reserve = () -> {
                start.await();
                return budget.tryReserve(caseNumber).isPresent();
            };
            results.add(pool.submit(reserve));
        }
        start.countDown();
        int reserved = 0;
        for (Future<Boolean> result : results) {
            reserved += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(reserved).isEqualTo(5);
        assertThat(budget.allowanceToday()).isLessThan(COST);
    }
}
