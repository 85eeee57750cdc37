package org.spotcheck.verification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.engine.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the verification stage; each reads ids, calls {@link VerificationService}, writes the result. */
@Configuration(proxyBeanMethods = false)
class VerificationDelegates {

    @Bean
    JavaDelegate dispatchSample(VerificationService verification) {
        return execution -> execution.setVariable(VerificationProcess.VERIFIER_ID, verification.dispatch(
                execution.getProcessBusinessKey(), (String) execution.getVariable(VerificationProcess.ROUTE)));
    }

    /**
     * Start of Task_RouteVerification: the facts the verification-route table reads besides the
     * case's own variables (a diagram may not call beans itself, engine/guard/ModelPolicy).
     */
    @Bean
    ExecutionListener verificationRoutingFacts(VerifierRegistry registry) {
        return execution -> {
            execution.setVariable(VerificationProcess.BRAND_ENROLLED,
                    registry.brandEnrolled((String) execution.getVariable(CounterfeitCaseProcess.Vars.BRAND)));
            if (!execution.hasVariable(VerificationProcess.FORCE_LAB)) {
                execution.setVariable(VerificationProcess.FORCE_LAB, false);
            }
        };
    }

    @Bean
    JavaDelegate remindVerifier(VerificationService verification) {
        return execution -> verification.remind(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate requireLab(VerificationService verification) {
        return execution -> {
            boolean inconclusive = "INCONCLUSIVE".equals(execution.getVariable(VerificationProcess.VERDICT));
            verification.reroute(execution.getProcessBusinessKey(), inconclusive);
            execution.setVariable(VerificationProcess.FORCE_LAB, true);
            execution.removeVariable(VerificationProcess.VERDICT);
        };
    }

    /** Task_DecideInconclusive: triage settles what two verifiers could not. */
    @Bean
    TaskListener inconclusiveDecided() {
        return task -> {
            Object decision = task.getVariable(VerificationProcess.INCONCLUSIVE_DECISION);
            if (!"COUNTERFEIT".equals(decision) && !"GENUINE".equals(decision) && !"CLOSE".equals(decision)) {
                throw TaskActors.refuse(VerificationProcess.INCONCLUSIVE_DECISION,
                        "inconclusiveDecision is required: COUNTERFEIT, GENUINE or CLOSE");
            }
            if (!"CLOSE".equals(decision)) {
                // triage's decision stands in for the verdict the labs could not give
                task.getExecution().setVariable(VerificationProcess.VERDICT, decision);
            }
        };
    }
}
