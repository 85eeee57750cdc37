package org.spotcheck.triage;

import java.util.Map;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.triage.domain.ExplorationPolicy;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what triage decided for a case and where the case goes next. */
@Service
class TriageService {

    private final CaseRepository cases;
    private final CaseJournal journal;
    private final ExplorationPolicy exploration;

    TriageService(CaseRepository cases, CaseJournal journal, TriageProperties properties) {
        this.cases = cases;
        this.journal = journal;
        this.exploration = new ExplorationPolicy(properties.explorationShare(), properties.explorationSeed());
    }

    @Transactional
    ExplorationPolicy.Route record(String caseNumber, TriageDecision decision, int priority) {
        CaseRef ref = cases.require(caseNumber);
        ExplorationPolicy.Route route = exploration.route(caseNumber, decision);
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
