package org.spotcheck.purchase;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spotcheck.purchase.domain.PurchaseSla;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code Task_AssignPersona} and {@code Task_ReserveBudget}: both may find nothing free, and the case then waits. */
@Configuration(proxyBeanMethods = false)
class PurchasePreparationDelegates {

    @Bean
    JavaDelegate assignPersona(PersonaService personas) {
        return execution -> {
            boolean assigned = personas.tryAssign(execution.getProcessBusinessKey()).isPresent();
            if (!assigned && !Boolean.FALSE.equals(execution.getVariable(Vars.PERSONA_ASSIGNED))) {
                personas.noteWaiting(execution.getProcessBusinessKey());
            }
            execution.setVariable(Vars.PERSONA_ASSIGNED, assigned);
        };
    }

    @Bean
    JavaDelegate reserveBudget(BudgetService budget, Clock clock) {
        return execution -> {
            Optional<BigDecimal> reserved = budget.tryReserve(execution.getProcessBusinessKey());
            if (reserved.isEmpty()) {
                if (!Boolean.FALSE.equals(execution.getVariable(Vars.BUDGET_RESERVED))) {
                    budget.noteWaiting(execution.getProcessBusinessKey());
                }
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

    static int priority(DelegateExecution execution) {
        Object priority = execution.getVariable(Vars.PRIORITY);
        return priority instanceof Number n ? n.intValue() : 3;
    }
}
