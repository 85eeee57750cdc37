package org.spotcheck.cases;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a case between stages and closes it, each change journaled once. */
@Service
public class CaseLifecycle {

    private final CaseRepository cases;
    private final CaseJournal journal;
    private final ApplicationEventPublisher events;

    CaseLifecycle(CaseRepository cases, CaseJournal journal, ApplicationEventPublisher events) {
        this.cases = cases;
        this.journal = journal;
        this.events = events;
    }

    @Transactional
    void enter(String caseNumber, CaseStatus status) {
        CaseRef ref = cases.require(caseNumber);
        if (cases.moveTo(ref.pk(), status)) {
            journal.record(ref, status.name(), CaseJournal.ACTOR_SYSTEM, "Case is now " + status,
                    "status-changed", Map.of("status", status.name()));
        }
    }

    @Transactional
    void close(String caseNumber, Outcome outcome) {
        close(caseNumber, outcome, null);
    }

    /**
     * Closes a case, its timeline first saying why (when {@code why} is given).
     *
     * @return false when the case was closed already: then nothing is recorded, so a retried close is harmless
     */
    @Transactional
    public boolean close(String caseNumber, Outcome outcome, Why why) {
        CaseRef ref = cases.require(caseNumber);
        if (!cases.close(ref.pk(), outcome)) {
            return false;
        }
        if (why != null) {
            journal.record(ref, why.stage(), CaseJournal.ACTOR_SYSTEM, why.text(), why.eventType(), why.data());
        }
        journal.record(ref, "CLOSED", CaseJournal.ACTOR_SYSTEM, "Case closed: " + outcome,
                "closed", Map.of("outcome", outcome.name()));
        events.publishEvent(new CaseClosed(ref, outcome));
        return true;
    }

    /** The timeline entry (and event) that explains a close. */
    public record Why(String stage, String text, String eventType, Map<String, ?> data) {
    }
}
