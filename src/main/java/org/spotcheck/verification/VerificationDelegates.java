package org.spotcheck.verification;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.InconclusiveDecision;
import org.spotcheck.cases.Verdict;
import org.spotcheck.engine.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the verification stage; each reads ids, calls {@link VerificationService}, writes the result. */
@Configuration(proxyBeanMethods = false)
class VerificationDelegates {

    @Bean
    JavaDelegate dispatchSample(VerificationService verification) {
        return execution -> Vars.VERIFIER_ID.on(execution).set(verification.dispatch(
                execution.getProcessBusinessKey(), Vars.VERIFICATION_ROUTE.from(execution).name()));
    }

    /**
     * Start of Task_RouteVerification: the facts the verification-route table reads besides the
     * case's own variables (a diagram may not call beans itself, engine/guard/ModelPolicy).
     */
    @Bean
    ExecutionListener verificationRoutingFacts(VerifierRegistry registry) {
        return execution -> {
            Vars.BRAND_ENROLLED.on(execution).set(registry.brandEnrolled(Vars.BRAND.from(execution).get()));
            if (Vars.FORCE_LAB.from(execution).getOptional().isEmpty()) {
                Vars.FORCE_LAB.on(execution).set(false);
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
            boolean inconclusive = Vars.VERDICT.optionalFrom(execution).filter(Verdict.INCONCLUSIVE::equals).isPresent();
            verification.reroute(execution.getProcessBusinessKey(), inconclusive);
            Vars.FORCE_LAB.on(execution).set(true);
            execution.removeVariable(Vars.VERDICT.getName());
        };
    }

    /** Task_DecideInconclusive: triage settles what two verifiers could not. */
    @Bean
    TaskListener inconclusiveDecided() {
        return task -> {
            InconclusiveDecision decision = TaskActors.requireOneOf(task, Vars.INCONCLUSIVE_DECISION.getName(),
                    InconclusiveDecision.class);
            if (decision != InconclusiveDecision.CLOSE) {
                // triage's decision stands in for the verdict the labs could not give
                Vars.VERDICT.set(task.getExecution(), Verdict.valueOf(decision.name()));
            }
        };
    }
}
