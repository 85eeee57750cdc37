package org.spotcheck.purchase;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spotcheck.purchase.domain.PurchaseSla;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Task_AssignPersona} and {@code Task_ReserveBudget}: both may find nothing free, and
 * the case then waits, within the bounds of the {@link WaitingQueue}; {@code Task_CloseWaitExpired}
 * and {@code Task_CloseQueueFull} end a wait unbought.
 */
@Configuration(proxyBeanMethods = false)
class PurchasePreparationDelegates {

    @Bean
    JavaDelegate assignPersona(PersonaService personas, WaitingQueue queue) {
        return execution -> {
            boolean assigned = personas.tryAssign(execution.getProcessBusinessKey()).isPresent();
            if (!assigned && !Boolean.FALSE.equals(Vars.PERSONA_ASSIGNED.from(execution).getOrNull())) {
                personas.noteWaiting(execution.getProcessBusinessKey());
            }
            if (!assigned) {
                startWaitClock(execution, queue);
            }
            Vars.PERSONA_ASSIGNED.on(execution).set(assigned);
        };
    }

    @Bean
    JavaDelegate reserveBudget(BudgetService budget, WaitingQueue queue, Clock clock) {
        return execution -> {
            Optional<BigDecimal> reserved = budget.tryReserve(execution.getProcessBusinessKey());
            if (reserved.isEmpty()) {
                boolean admitted = queue.admitToBudgetQueue(execution.getProcessBusinessKey());
                if (admitted && !Boolean.FALSE.equals(Vars.BUDGET_RESERVED.from(execution).getOrNull())) {
                    budget.noteWaiting(execution.getProcessBusinessKey());
                }
                if (admitted) {
                    startWaitClock(execution, queue);
                }
                Vars.QUEUE_FULL.on(execution).set(!admitted);
                Vars.BUDGET_RESERVED.on(execution).set(false);
                return;
            }
            int priority = priority(execution);
            Vars.BUDGET_RESERVED.on(execution).set(true);
            Vars.RESERVED_CNY.on(execution).set(reserved.get().toPlainString());
            Vars.PURCHASE_DUE.on(execution).set(Date.from(clock.instant().plus(PurchaseSla.dueIn(priority))));
            Vars.TASK_PRIORITY.on(execution).set(PurchaseSla.taskPriority(priority));
        };
    }

    @Bean
    JavaDelegate closeUnbought(WaitingQueue queue) {
        return execution -> {
            Date since = Vars.WAITING_SINCE.from(execution).getOrNull();
            Date deadline = Vars.WAIT_DEADLINE.from(execution).getOrNull();
            Duration allowed = since == null || deadline == null ? null
                    : Duration.between(since.toInstant(), deadline.toInstant());
            queue.closeUnbought(execution.getProcessBusinessKey(), Vars.WAIT_END.fromLocal(execution),
                    Vars.DISPLACED_BY.from(execution).getOrNull(), allowed);
        };
    }

    /** The wait's clock starts once: a case that waited for a persona has that much less time left for budget. */
    private static void startWaitClock(DelegateExecution execution, WaitingQueue queue) {
        if (Vars.WAIT_DEADLINE.from(execution).getOrNull() == null) {
            Instant now = queue.now();
            Vars.WAITING_SINCE.on(execution).set(Date.from(now));
            Vars.WAIT_DEADLINE.on(execution).set(Date.from(queue.deadlineFrom(now)));
        }
    }

    static int priority(DelegateExecution execution) {
        return Vars.PRIORITY.from(execution).getOrDefault(3);
    }
}
