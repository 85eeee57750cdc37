package org.spotcheck.triage;

import java.util.Map;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what triage decided for a case and where the case goes next. */
@Service
class TriageService {

    private final CaseRepository cases;
    private final CaseJournal journal;

    TriageService(CaseRepository cases, CaseJournal journal) {
        this.cases = cases;
        this.journal = journal;
    }

    /** Where a case goes after triage: a test buy, when intake drew its flag for an exploration buy; else the decision. */
    record Route(TriageDecision decision, boolean exploration) {
    }

    /**
     * @param drawn whether intake drew the case's flag for an exploration buy (against the day's
     *              exploration share of the budget); only a low-risk decision is explored
     */
    @Transactional
    Route record(String caseNumber, TriageDecision decision, int priority, boolean drawn) {
        CaseRef ref = cases.require(caseNumber);
        Route route = drawn && decision.isLowRisk() ? new Route(TriageDecision.TEST_BUY, true) : new Route(decision, false);
        cases.recordTriage(ref.pk(), decision.name(), priority, route.exploration());
        String text = "Triage: " + decision + ", priority " + priority
                + (route.exploration() ? "; drawn for an exploration buy (low-risk sample)" : "");
        journal.record(ref, "TRIAGE", CaseJournal.ACTOR_SYSTEM, text, "triaged",
                Map.of("decision", decision.name(), "priority", priority, "route", route.decision().name(),
                        "exploration", route.exploration()));
        return route;
    }

    @Transactional
    void recordReview(String caseNumber, boolean approved, String reviewer) {
        CaseRef ref = cases.require(caseNumber);
        journal.record(ref, "TRIAGE", reviewer,
                approved ? "Review: test purchase approved" : "Review: flag rejected, case dismissed",
                "reviewed", Map.of("approved", approved));
    }
}
