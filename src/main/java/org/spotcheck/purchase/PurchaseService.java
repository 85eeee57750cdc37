package org.spotcheck.purchase;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.evidence.EvidenceService;
import org.spotcheck.standing.CaseEvent;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.purchase.domain.PurchaseReport;
import org.spotcheck.purchase.domain.PurchaseSla;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the test purchase: the order, the spend against the reservation, the video as evidence. */
@Service
class PurchaseService {

    private final CaseRepository cases;
    private final PurchaseRepository purchases;
    private final BudgetService budget;
    private final EvidenceService evidence;
    private final CaseJournal journal;
    private final TaskService tasks;
    private final NotifierStanding standing;

    PurchaseService(CaseRepository cases, PurchaseRepository purchases, BudgetService budget, EvidenceService evidence,
                    CaseJournal journal, TaskService tasks, NotifierStanding standing) {
        this.standing = standing;
        this.cases = cases;
        this.purchases = purchases;
        this.budget = budget;
        this.evidence = evidence;
        this.journal = journal;
        this.tasks = tasks;
    }

    @Transactional
    void recordPurchase(String caseNumber, PurchaseReport report, String buyer) {
        CaseRef ref = cases.require(caseNumber);
        if (!purchases.record(ref.pk(), false, report.orderNumber(), report.amountPaidCny(), buyer)) {
            return;
        }
        budget.settle(ref, report.amountPaidCny());
        evidence.captureVideo(ref, report.videoEvidenceUri(), report.videoSha256(), buyer);
        journal.record(ref, "PURCHASE", buyer, "Test purchase made: order " + report.orderNumber() + ", paid "
                + report.amountPaidCny() + " CNY, video recorded", "purchased",
                Map.of("orderNumber", report.orderNumber(), "amountPaidCny", report.amountPaidCny()));
        standing.caseEvent(ref.pk(), CaseEvent.TEST_BUY);
    }

    @Transactional
    void recordListingUnavailable(String caseNumber, String buyer) {
        CaseRef ref = cases.require(caseNumber);
        if (purchases.record(ref.pk(), true, null, null, buyer)) {
            journal.record(ref, "PURCHASE", buyer, "Listing no longer available: nothing bought",
                    "listing-unavailable", Map.of());
        }
    }

    @Transactional
    int escalate(String caseNumber, int priority) {
        CaseRef ref = cases.require(caseNumber);
        int raised = PurchaseSla.escalate(priority);
        cases.changePriority(ref.pk(), raised);
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE).list()) {
            tasks.setPriority(task.getId(), PurchaseSla.taskPriority(raised));
        }
        journal.record(ref, "PURCHASE", CaseJournal.ACTOR_SYSTEM, "Test purchase overdue: priority raised from P"
                + priority + " to P" + raised, "purchase-overdue", Map.of("priority", raised));
        return raised;
    }

    @Transactional
    void recordOverspendDecision(String caseNumber, boolean approved, BigDecimal paid, String reviewer) {
        journal.record(cases.require(caseNumber), "PURCHASE", reviewer, approved
                        ? "Spend of " + paid + " CNY above 150% of the reservation approved"
                        : "Spend of " + paid + " CNY above 150% of the reservation refused: purchase to be redone",
                "overspend-reviewed", Map.of("approved", approved));
    }
}
