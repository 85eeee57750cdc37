package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.ProcessRef;
import org.springframework.beans.factory.annotation.Autowired;

/** A case waits at most spotcheck.purchase.max-wait (P30D) for a persona and budget, then closes unbought. */
class WaitTooLongTest extends CaseFlows {

    @Autowired
    private BudgetService budget;
    @Autowired
    private WaitingCaseReleaser releaser;
    @Autowired
    private WaitingQueue queue;

    @AfterEach
    void restoreBudget() {
        jdbc.sql("delete from budget_year").update();
        releaser.releaseWaitingCases();
    }

    private Job waitTimer(Case c, String timerEvent) {
        Job timer = timer(c, timerEvent);
        assertThat(timer).as("the wait's timer at " + timerEvent).isNotNull();
        return timer;
    }

    private long timelineEntries(Case c) {
        return view(c).get("timelineTotal").asLong();
    }

    private String reservationStatus(Case c) {
        return jdbc.sql("""
                select r.status from budget_reservation r join spot_case c on c.id = r.case_pk
                where c.case_number = :c""").param("c", c.number()).query(String.class).single();
    }

    @Test
    void aCaseThatWaitedThirtyDaysForBudgetIsClosedUnboughtAndGivesItsReservationBack() {
        allowToday(BigDecimal.ZERO);
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        assertThat(c.process()).isWaitingAt(WAIT_BUDGET);
        assertThat(view(c).get("status").asText()).isEqualTo("AWAITING_BUDGET");
        Job timer = waitTimer(c, BUDGET_WAIT_EXPIRED);
        assertThat(timer.getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(2, ChronoUnit.MINUTES));
        // a reservation the case holds when its wait ends, made as the releaser makes one (on another node,
        // a moment before the timer), goes back to the budget
        budget.setYearBudget(LocalDate.now(ZoneOffset.UTC).getYear(), yearBudgetAllowing(new BigDecimal("500")), "test");
        assertThat(budget.tryReserve(c.number())).isPresent();
        BigDecimal reservedBefore = api().get("/api/budget", "manager").json().get("reservedCny").decimalValue();

        engine.getManagementService().executeJob(timer.getId()); // 30 days later

        assertThat(ProcessRef.of(engine, c.process().getId()))
                .hasPassedInOrder(WAIT_BUDGET, BUDGET_WAIT_EXPIRED, CLOSE_WAIT_EXPIRED, END_WAIT_EXPIRED).isEnded();
        JsonNode view = view(c);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("outcome").asText()).isEqualTo("MONITORED");
        assertThat(view.get("timeline").toString())
                .contains("Waited 30 days for budget; closed unbought, the listing stays watched")
                .contains("Reservation released").contains("Case closed: MONITORED");
        assertThat(reservationStatus(c)).isEqualTo("RELEASED");
        assertThat(api().get("/api/budget", "manager").json().get("reservedCny").decimalValue())
                .isEqualByComparingTo(reservedBefore.subtract(new BigDecimal("104.00")));
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key = :c and type = 'spotcheck.case.wait-ended'")
                .param("c", c.number()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void closingAgainRecordsNothing() {
        allowToday(BigDecimal.ZERO);
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        engine.getManagementService().executeJob(waitTimer(c, BUDGET_WAIT_EXPIRED).getId());
        long entries = timelineEntries(c);

        // as a retried step would: the case is closed already
        queue.closeUnbought(c.number(), org.spotcheck.cases.WaitEnd.EXPIRED, null, Duration.ofDays(30));

        assertThat(timelineEntries(c)).isEqualTo(entries);
        assertThat(view(c).get("outcome").asText()).isEqualTo("MONITORED");
    }

    @Test
    void aCaseThatWaitedThirtyDaysForAPersonaIsClosedUnboughtAndALaterFlagOpensANewCase() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Case waiting = waitingForAPersona(flag);
        engine.getManagementService().executeJob(waitTimer(waiting, PERSONA_WAIT_EXPIRED).getId());

        assertThat(ProcessRef.of(engine, waiting.process().getId()))
                .hasPassedInOrder(WAIT_PERSONA, PERSONA_WAIT_EXPIRED, CLOSE_WAIT_EXPIRED, END_WAIT_EXPIRED).isEnded();
        JsonNode view = view(waiting);
        assertThat(view.get("outcome").asText()).isEqualTo("MONITORED");
        assertThat(view.get("timeline").toString())
                .contains("Waited 30 days for a buyer persona; closed unbought, the listing stays watched");

        ObjectNode later = Flags.decidedAs("TEST_BUY");
        Flags.listing(later).setAll(Flags.listing(flag));
        Api.Response again = api().post("/api/cases", "intake", later.toString());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("caseNumber").asText()).isNotEqualTo(waiting.number());
    }

    @Test
    void aPersonaWaitAndABudgetWaitShareOneDeadline() {
        Case waiting = waitingForAPersona(Flags.decidedAs("TEST_BUY"));
        Instant deadline = waitTimer(waiting, PERSONA_WAIT_EXPIRED).getDuedate().toInstant();
        allowToday(BigDecimal.ZERO);

        Api.Response added = api().post("/api/personas", "admin",
                "{\"handle\": \"buyer-" + UUID.randomUUID() + "\", \"addressLabel\": \"Locker 12\"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(ProcessRef.of(engine, waiting.process().getId())).isWaitingAt(WAIT_BUDGET);
        assertThat(waitTimer(waiting, BUDGET_WAIT_EXPIRED).getDuedate().toInstant()).isEqualTo(deadline);
    }

    /** Cases for the seller of {@code last} on every active persona first: then {@code last} waits. */
    private Case waitingForAPersona(ObjectNode last) {
        long active = jdbc.sql("select count(*) from persona where active").query(Long.class).single();
        String seller = "SELLER-" + UUID.randomUUID();
        for (int i = 0; i < active; i++) {
            ObjectNode flag = Flags.decidedAs("TEST_BUY");
            Flags.listing(flag).put("sellerId", seller);
            newCase(flag);
        }
        Flags.listing(last).put("sellerId", seller);
        Case waiting = newCase(last);
        assertThat(waiting.process()).isWaitingAt(WAIT_PERSONA);
        assertThat(view(waiting).get("status").asText()).isEqualTo("AWAITING_PERSONA");
        return waiting;
    }
}
