package org.spotcheck.purchase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.spotcheck.cases.CaseLifecycle;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CaseStatus;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.cases.Outcome;
import org.spotcheck.cases.WaitEnd;
import org.spotcheck.purchase.domain.ReleaseOrder;
import org.spotcheck.purchase.domain.WaitLimit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bounds of waiting. A case waits for a persona or budget at most
 * {@code spotcheck.purchase.max-wait} in all (the diagram's timers then close it unbought),
 * and at most {@code spotcheck.purchase.max-waiting} cases wait for budget. When that queue
 * is full, the case lowest in release order gives way: the newcomer, or the worst waiting
 * case, displaced (message {@code QueueDisplaced}) to make room, so the queue always holds
 * the best cases. Admissions take an advisory lock, so nodes admitting at once never
 * overfill the queue; a waiting case is displaced or expires only under its own case lock,
 * the one the releaser holds while it releases the case. The locks are {@link WaitingLocks}'.
 */
@Service
public class WaitingQueue {

    /** Waiting cases passed over because another transaction holds them (being released, expiring). */
    private static final int BUSY_SLACK = 20;
    private static final String WATCHED = "closed unbought, the listing stays watched";
    private static Waiting waiting(CaseRepository.Waiting c) {
        return new Waiting(c.caseNumber(), new ReleaseOrder.Place(c.priority(), c.riskScore(), c.openedAt().toInstant(),
                c.pk()));
    }

    /** How a wait ended without a purchase (the closing tasks' input parameter {@code waitEnd}). */

    private record Waiting(String caseNumber, ReleaseOrder.Place place) {
    }

    private final WaitingLocks locks;
    private final CaseRepository cases;
    private final CaseLifecycle lifecycle;
    private final RuntimeService runtime;
    private final WaitingProperties properties;
    private final Clock clock;

    WaitingQueue(WaitingLocks locks, CaseRepository cases, CaseLifecycle lifecycle, RuntimeService runtime,
                 WaitingProperties properties, Clock clock) {
        this.locks = locks;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** When a case that starts waiting at {@code firstWaited} is closed unbought. */
    Instant deadlineFrom(Instant firstWaited) {
        return WaitLimit.deadline(firstWaited, properties.maxWait());
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Lets the case into the budget queue, displacing the worst waiting cases ranked below it
     * when the queue is full.
     *
     * @return false when the queue is full of cases ranked above this one: it does not wait
     */
    @Transactional
    public boolean admitToBudgetQueue(String caseNumber) {
        CaseRef self = cases.require(caseNumber);
        locks.lockQueue();
        long waiting = cases.countWaiting(CaseStatus.AWAITING_BUDGET, self.pk());
        long mustLeave = waiting - properties.maxWaiting() + 1;
        if (mustLeave <= 0) {
            return true;
        }
        ReleaseOrder.Place mine = waiting(cases.waiting(self.pk())).place();
        for (Waiting worst : worstWaiting(self.pk(), mustLeave + BUSY_SLACK)) {
            if (!ReleaseOrder.ranksAbove(mine, worst.place())) {
                return false; // worst first: every case left ranks above this one
            }
            if (displace(worst.caseNumber(), caseNumber) && --mustLeave == 0) {
                return true;
            }
        }
        return false;
    }

    /** The cases waiting for budget that would be released last, the last one first. */
    private List<Waiting> worstWaiting(long selfPk, long limit) {
        return cases.lastInReleaseOrder(CaseStatus.AWAITING_BUDGET, selfPk, limit).stream()
                .map(WaitingQueue::waiting).toList();
    }

    /** @return false when the case is busy (being released or expiring) or waits on a model without the bound */
    private boolean displace(String victim, String by) {
        if (!tryHold(victim)) {
            return false;
        }
        String message = CounterfeitCaseProcess.Messages.QUEUE_DISPLACED;
        if (runtime.createExecutionQuery().processInstanceBusinessKey(victim).messageEventSubscriptionName(message)
                .count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(victim)
                .setVariable(CounterfeitCaseProcess.Vars.DISPLACED_BY.getName(), by).correlate();
        return true;
    }

    /**
     * Closes a waiting case without a purchase, as {@code MONITORED}, its timeline saying why;
     * a reservation it holds goes back to the budget (BudgetService on the close). Closing
     * twice records nothing the second time.
     *
     * @param allowed how long the case was allowed to wait (for the timeline), null for the configured limit
     */
    @Transactional
    public void closeUnbought(String caseNumber, WaitEnd end, String displacedBy, Duration allowed) {
        locks.hold(caseNumber); // a release racing this close finishes first; the engine then refuses this stale step
        CaseRef ref = cases.require(caseNumber);
        // only a wait can expire for a persona; the queue is the budget's (a case released from a persona wait
        // and turned away still shows AWAITING_PERSONA)
        boolean persona = end == WaitEnd.EXPIRED
                && CaseStatus.AWAITING_PERSONA.name().equals(cases.state(ref.pk()).status());
        String text = switch (end) {
            case EXPIRED -> "Waited " + WaitLimit.describe(allowed == null ? properties.maxWait() : allowed)
                    + " for " + (persona ? "a buyer persona" : "budget") + "; " + WATCHED;
            case QUEUE_FULL -> displacedBy == null
                    ? "The budget queue is full (" + properties.maxWaiting() + " cases, each ranked above this one); "
                            + WATCHED
                    : "Gave way in the full budget queue (" + properties.maxWaiting() + " cases) to " + displacedBy
                            + ", which ranks higher; " + WATCHED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cause", end.name());
        data.put("awaited", persona ? "PERSONA" : "BUDGET");
        if (displacedBy != null) {
            data.put("displacedBy", displacedBy);
        }
        lifecycle.close(caseNumber, Outcome.MONITORED,
                new CaseLifecycle.Why(persona ? "PERSONA" : "BUDGET", text, "wait-ended", data));
    }

    /** @return false when another transaction holds the case (releases it, closes it) */
    boolean tryHold(String caseNumber) {
        return locks.tryHold(caseNumber);
    }
}
