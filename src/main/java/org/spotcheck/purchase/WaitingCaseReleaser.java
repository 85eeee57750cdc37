package org.spotcheck.purchase;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CaseStatus;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases cases waiting for a persona or for budget once one is free. Budget is handed
 * out strictly in priority, then risk-score order: the first waiting case that does not
 * fit stops the round, so a cheaper, less urgent case never jumps the queue.
 */
@Component
public class WaitingCaseReleaser {

    private static final Logger log = LoggerFactory.getLogger(WaitingCaseReleaser.class);

    private final CaseRepository cases;
    private final TransactionTemplate tx;
    private final RuntimeService runtime;
    private final PersonaService personas;
    private final BudgetService budget;
    private final WaitingQueue queue;

    WaitingCaseReleaser(CaseRepository cases, TransactionTemplate tx, RuntimeService runtime, PersonaService personas,
                        BudgetService budget, WaitingQueue queue) {
        this.queue = queue;
        this.cases = cases;
        this.tx = tx;
        this.runtime = runtime;
        this.personas = personas;
        this.budget = budget;
    }

    @Scheduled(fixedDelayString = "${spotcheck.budget.release-interval-millis:30000}")
    public void releaseWaitingCases() {
        for (String caseNumber : waiting(CaseStatus.AWAITING_PERSONA)) {
            release(caseNumber, () -> personas.tryAssign(caseNumber).isPresent(),
                    CounterfeitCaseProcess.Messages.PERSONA_AVAILABLE);
        }
        for (String caseNumber : waiting(CaseStatus.AWAITING_BUDGET)) {
            if (!release(caseNumber, () -> budget.tryReserve(caseNumber).isPresent(),
                    CounterfeitCaseProcess.Messages.BUDGET_AVAILABLE)) {
                break;
            }
        }
    }

    private List<String> waiting(CaseStatus status) {
        return cases.waitingInReleaseOrder(status).stream().map(CaseRepository.Waiting::caseNumber).toList();
    }

    /** Takes the free resource and resumes the process in one transaction; another node skips the case meanwhile. */
    private boolean release(String caseNumber, java.util.function.BooleanSupplier take, String message) {
        Boolean released = tx.execute(status -> {
            // the case's own lock: another node releasing it, or its wait ending, makes this round pass it by
            if (!queue.tryHold(caseNumber) || !take.getAsBoolean()) {
                return false;
            }
            long waitingHere = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                    .messageEventSubscriptionName(message).count();
            if (waitingHere > 0) {
                runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).correlate();
            }
            return true;
        });
        if (Boolean.TRUE.equals(released)) {
            log.info("Released {} ({})", caseNumber, message);
        }
        return Boolean.TRUE.equals(released);
    }
}
