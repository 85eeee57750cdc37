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
            if (!assigned && !Boolean.FALSE.equals(execution.getVariable(Vars.PERSONA_ASSIGNED))) {
                personas.noteWaiting(execution.getProcessBusinessKey());
            }
            if (!assigned) {
                startWaitClock(execution, queue);
            }
            execution.setVariable(Vars.PERSONA_ASSIGNED, assigned);
        };
    }

    @Bean
    JavaDelegate reserveBudget(BudgetService budget, WaitingQueue queue, Clock clock) {
        return execution -> {
            Optional<BigDecimal> reserved = budget.tryReserve(execution.getProcessBusinessKey());
            if (reserved.isEmpty()) {
                boolean admitted = queue.admitToBudgetQueue(execution.getProcessBusinessKey());
                if (admitted && !Boolean.FALSE.equals(execution.getVariable(Vars.BUDGET_RESERVED))) {
                    budget.noteWaiting(execution.getProcessBusinessKey());
                }
                if (admitted) {
                    startWaitClock(execution, queue);
                }
                execution.setVariable(Vars.QUEUE_FULL, !admitted);
                execution.setVariable(Vars.BUDGET_RESERVED, false);
                return;
            }
            int priority = priority(execution);
            execution.setVariable(Vars.BUDGET_RESERVED, true);
            execution.setVariable(Vars.RESERVED_CNY, reserved.get().toPlainString());
            execution.setVariable(Vars.PURCHASE_DUE, Date.from(clock.instant().plus(PurchaseSla.dueIn(priority))));
            execution.setVariable(Vars.TASK_PRIORITY, PurchaseSla.taskPriority(priority));
        };
    }

    @Bean
    JavaDelegate closeUnbought(WaitingQueue queue) {
        return execution -> {
            Date since = (Date) execution.getVariable(Vars.WAITING_SINCE);
            Date deadline = (Date) execution.getVariable(Vars.WAIT_DEADLINE);
            Duration allowed = since == null || deadline == null ? null
                    : Duration.between(since.toInstant(), deadline.toInstant());
            queue.closeUnbought(execution.getProcessBusinessKey(),
                    WaitingQueue.WaitEnd.valueOf((String) execution.getVariableLocal(Vars.WAIT_END)),
                    (String) execution.getVariable(Vars.DISPLACED_BY), allowed);
        };
    }

    /** The wait's clock starts once: a case that waited for a persona has that much less time left for budget. */
    private static void startWaitClock(DelegateExecution execution, WaitingQueue queue) {
        if (execution.getVariable(Vars.WAIT_DEADLINE) == null) {
            Instant now = queue.now();
            execution.setVariable(Vars.WAITING_SINCE, Date.from(now));
            execution.setVariable(Vars.WAIT_DEADLINE, Date.from(queue.deadlineFrom(now)));
        }
    }

    static int priority(DelegateExecution execution) {
        Object priority = execution.getVariable(Vars.PRIORITY);
        return priority instanceof Number n ? n.intValue() : 3;
    }
}
