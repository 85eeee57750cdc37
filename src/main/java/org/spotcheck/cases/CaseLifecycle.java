package org.spotcheck.cases;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a case between stages and closes it, each change journaled once. */
@Service
class CaseLifecycle {

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
        CaseRef ref = cases.require(caseNumber);
        if (cases.close(ref.pk(), outcome)) {
            journal.record(ref, "CLOSED", CaseJournal.ACTOR_SYSTEM, "Case closed: " + outcome,
                    "closed", Map.of("outcome", outcome.name()));
            events.publishEvent(new CaseClosed(ref, outcome));
        }
    }
}
