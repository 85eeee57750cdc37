package org.spotcheck.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.HeldLocks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A verdict arriving while the 30-day re-route to a lab fires: it applies to the round it
 * was meant for, or is refused with 409; never is it taken for the lab's new round. Each
 * test lines the two up with a lock on the sample, which both need for their custody entry.
 */
class VerdictRaceTest extends CaseFlows {

    @Autowired
    private DataSource dataSource;

    private HeldLocks holdSample(Case c) {
        return HeldLocks.begin(dataSource).sql("""
                select 1 from evidence_item where kind = 'SAMPLE'
                and case_pk = (select id from spot_case where case_number = ?) for update""", c.number());
    }

    private CompletableFuture<Void> reRoute(Case c) {
        String timer = timer(c, VERDICT_OVERDUE).getId();
        return CompletableFuture.runAsync(() -> engine.getManagementService().executeJob(timer));
    }

    private List<Map<String, Object>> rounds(Case c) {
        return jdbc.sql("""
                select v.round, v.verifier_id, v.verdict from verification v join spot_case c on c.id = v.case_pk
                where c.case_number = :c order by v.round""").param("c", c.number()).query().listOfRows();
    }

    @Test
    void aVerdictArrivingAsTheReRouteCommitsIsRefusedAndTheLabsRoundStaysOpen() throws Exception {
        Case c = atVerification(Flags.decidedAs("TEST_BUY")); // Acme apparel: rh-acme, round 1
        CompletableFuture<Void> reRoute;
        CompletableFuture<Api.Response> late;
        try (HeldLocks sample = holdSample(c)) {
            reRoute = reRoute(c);
            HeldLocks.awaitWaiters(jdbc, 1); // the re-route has opened the lab's round, waits to log the transfer
            late = CompletableFuture.supplyAsync(() -> verdict(c, "rh-acme", "GENUINE", "LATE-1"));
            HeldLocks.awaitWaiters(jdbc, 2); // the verdict waits behind it
            sample.commit();
        }
        reRoute.get(60, TimeUnit.SECONDS);
        Api.Response answer = late.get(60, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.isProblem()).isTrue();
        assertThat(c.process()).hasPassed(REQUIRE_LAB).isWaitingAt(AWAIT_VERDICT);
        assertThat(rounds(c)).extracting(r -> r.get("verifier_id")).containsExactly("rh-acme", "lab-cqi");
        assertThat(rounds(c)).extracting(r -> r.get("verdict")).containsOnlyNulls();
        assertThat(verdict(c, "lab-cqi", "COUNTERFEIT", "CQI-1").status()).isEqualTo(202);
        assertThat(c.process()).isWaitingAt(TAKE_DOWN_LISTING);
    }

    @Test
    void aVerdictThatGetsInFirstAppliesToItsRoundAndTheReRouteGivesWay() throws Exception {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));
        CompletableFuture<Api.Response> inTime;
        CompletableFuture<Void> reRoute;
        try (HeldLocks sample = holdSample(c)) {
            inTime = CompletableFuture.supplyAsync(() -> verdict(c, "rh-acme", "GENUINE", "IN-TIME-1"));
            HeldLocks.awaitWaiters(jdbc, 1); // the verdict holds its round, waits to log it on the custody chain
            reRoute = reRoute(c);
            HeldLocks.awaitWaiters(jdbc, 2);
            sample.commit();
        }
        Api.Response answer = inTime.get(60, TimeUnit.SECONDS);
        assertThat(reRoute).failsWithin(60, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(c.process()).hasNotPassed(REQUIRE_LAB).hasPassed(REGISTER_ASSET).isEnded();
        assertThat(rounds(c)).extracting(r -> r.get("verdict")).containsExactly("GENUINE");
        assertThat(view(c).get("outcome").asText()).isEqualTo("GENUINE");
    }
}
