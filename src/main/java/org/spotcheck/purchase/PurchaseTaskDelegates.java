package org.spotcheck.purchase;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CounterfeitCaseProcess.Elements;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.engine.TaskActors;
import org.spotcheck.engine.TaskInputRule;
import org.spotcheck.engine.guard.ProtectedVariables;
import org.spotcheck.purchase.domain.BudgetPacing;
import org.spotcheck.purchase.domain.PurchaseReport;
import org.spotcheck.security.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Listeners and delegates around {@code Task_PerformTestPurchase}; each reads ids and calls a service. */
@Configuration(proxyBeanMethods = false)
class PurchaseTaskDelegates {

    /** The persona a buyer uses is need-to-know: the engine keeps it out of history and out of models' reach. */
    @Bean
    static ProtectedVariables personaVariables() {
        return new ProtectedVariables(java.util.Set.of(Vars.PERSONA_HANDLE.getName(), Vars.PERSONA_ADDRESS.getName()));
    }

    /**
     * Create listener: the buyer sees the persona on this task only (task-local variables).
     * A diagram is deployed by process owners: the persona goes only to the purchase task of
     * test buyers, never to a task this listener was attached to for other eyes.
     */
    @Bean
    TaskListener purchaseTaskCreated(PersonaService personas, CaseRepository cases) {
        return task -> {
            boolean forBuyersOnly = Elements.PERFORM_TEST_PURCHASE.equals(task.getTaskDefinitionKey())
                    && task.getAssignee() == null && !task.getCandidates().isEmpty()
                    && task.getCandidates().stream().allMatch(candidate -> candidate.getUserId() == null
                            && Groups.TEST_BUYERS.equals(candidate.getGroupId()));
            if (!forBuyersOnly) {
                throw new IllegalStateException("The persona is shown only on " + Elements.PERFORM_TEST_PURCHASE
                        + " for candidate group " + Groups.TEST_BUYERS + ", not on " + task.getTaskDefinitionKey()
                        + ": fix the diagram");
            }
            showPersona(personas, cases, task);
        };
    }

    private static void showPersona(PersonaService personas, CaseRepository cases, DelegateTask task) {
        personas.assignedTo(cases.require(task.getExecution().getProcessBusinessKey()).pk())
                .ifPresent(persona -> {
                    Vars.PERSONA_HANDLE.on(task).setLocal(persona.handle());
                    Vars.PERSONA_ADDRESS.on(task).setLocal(persona.addressLabel());
                });
    }

    /** What the purchase form cannot say (the report's shape for the domain, no fractions of a fen), at both task doors. */
    @Bean
    TaskInputRule purchaseReportRules() {
        return TaskInputRule.of(CounterfeitCaseProcess.Forms.PERFORM_TEST_PURCHASE,
                values -> PurchaseReport.check(values).problems());
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
                Vars.OVERSPEND.on(task.getExecution()).set(false);
                return;
            }
            BigDecimal reserved = new BigDecimal(Vars.RESERVED_CNY.from(task).get());
            Vars.OVERSPEND.on(task.getExecution()).set(BudgetPacing.needsApproval(result.report().amountPaidCny(), reserved));
            Vars.PURCHASED_BY.on(task.getExecution()).set(TaskActors.actor(task));
        };
    }

    @Bean
    JavaDelegate recordPurchase(PurchaseService purchases) {
        return execution -> {
            PurchaseReport report = PurchaseReport.check(execution.getVariables()).report();
            purchases.recordPurchase(execution.getProcessBusinessKey(), report, Vars.PURCHASED_BY.from(execution).get());
        };
    }

    @Bean
    JavaDelegate escalatePurchase(PurchaseService purchases) {
        return execution -> Vars.PRIORITY.on(execution).set(
                purchases.escalate(execution.getProcessBusinessKey(), PurchasePreparationDelegates.priority(execution)));
    }

    @Bean
    TaskListener overspendReviewed(PurchaseService purchases) {
        return TaskActors.requireBoolean(Vars.OVERSPEND_APPROVED.getName(), "true = accept the spend, false = redo the purchase",
                (task, approved) -> purchases.recordOverspendDecision(task.getExecution().getProcessBusinessKey(),
                        approved, new BigDecimal(task.getVariable(Vars.AMOUNT_PAID_CNY.getName()).toString()),
                        TaskActors.actor(task)));
    }
}
