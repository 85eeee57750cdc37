package org.spotcheck.purchase;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.platform.TaskActors;
import org.spotcheck.purchase.domain.BudgetPacing;
import org.spotcheck.purchase.domain.PurchaseReport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Listeners and delegates around {@code Task_PerformTestPurchase}; each reads ids and calls a service. */
@Configuration(proxyBeanMethods = false)
class PurchaseTaskDelegates {

    /** Create listener: the buyer sees the persona on this task only (task-local variables). */
    @Bean
    TaskListener purchaseTaskCreated(PersonaService personas, CaseRepository cases) {
        return task -> personas.assignedTo(cases.require(task.getExecution().getProcessBusinessKey()).pk())
                .ifPresent(persona -> {
                    task.setVariableLocal(Vars.PERSONA_HANDLE, persona.handle());
                    task.setVariableLocal(Vars.PERSONA_ADDRESS, persona.addressLabel());
                });
    }

    /** Complete listener: refuses an incomplete or malformed report; notes an unavailable listing. */
    @Bean
    TaskListener purchaseReported(PurchaseService purchases) {
        return task -> {
            PurchaseReport.Result result = PurchaseReport.check(task.getVariables());
            if (!result.ok()) {
                throw TaskActors.refuse(result.problems().keySet().iterator().next(),
                        "The purchase report is incomplete: " + result.describe());
            }
            String caseNumber = task.getExecution().getProcessBusinessKey();
            if (result.report().listingUnavailable()) {
                purchases.recordListingUnavailable(caseNumber, TaskActors.actor(task));
                task.getExecution().setVariable(Vars.OVERSPEND, false);
                return;
            }
            BigDecimal reserved = new BigDecimal((String) task.getVariable(Vars.RESERVED_CNY));
            task.getExecution().setVariable(Vars.OVERSPEND,
                    BudgetPacing.needsApproval(result.report().amountPaidCny(), reserved));
            task.getExecution().setVariable(Vars.PURCHASED_BY, TaskActors.actor(task));
        };
    }

    @Bean
    JavaDelegate recordPurchase(PurchaseService purchases) {
        return execution -> {
            PurchaseReport report = PurchaseReport.check(execution.getVariables()).report();
            purchases.recordPurchase(execution.getProcessBusinessKey(), report,
                    (String) execution.getVariable(Vars.PURCHASED_BY));
        };
    }

    @Bean
    JavaDelegate escalatePurchase(PurchaseService purchases) {
        return execution -> execution.setVariable(Vars.PRIORITY,
                purchases.escalate(execution.getProcessBusinessKey(), PurchasePreparationDelegates.priority(execution)));
    }

    @Bean
    TaskListener overspendReviewed(PurchaseService purchases) {
        return TaskActors.requireBoolean(Vars.OVERSPEND_APPROVED, "true = accept the spend, false = redo the purchase",
                (task, approved) -> purchases.recordOverspendDecision(task.getExecution().getProcessBusinessKey(),
                        approved, new BigDecimal(task.getVariable(Vars.AMOUNT_PAID_CNY).toString()),
                        TaskActors.actor(task)));
    }
}
