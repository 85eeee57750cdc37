package org.spotcheck.evidence;

import static org.spotcheck.evidence.EvidenceRetentionProcess.Vars;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.engine.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code Task_ReviewRetention}: extend the hold, or dispose with a named witness. */
@Configuration(proxyBeanMethods = false)
class RetentionDelegates {

    @Bean
    TaskListener retentionReviewed() {
        // the witness's rules (required to dispose, up to 200 characters) are the form's
        // (forms/review-retention.form), applied at both task doors (engine.FormRules)
        return TaskActors.requireBoolean(Vars.EXTEND_HOLD.getName(), "true = keep it longer, false = dispose",
                (task, extend) -> Vars.REVIEWED_BY.on(task.getExecution()).set(TaskActors.actor(task)));
    }

    @Bean
    JavaDelegate recordHoldExtension(RetentionService retention) {
        return execution -> retention.extendHold(Vars.CASE_NUMBER.from(execution).get(),
                Vars.EVIDENCE_ID.from(execution).get(), Vars.REVIEWED_BY.from(execution).get());
    }

    @Bean
    JavaDelegate disposeEvidence(RetentionService retention) {
        return execution -> retention.dispose(Vars.CASE_NUMBER.from(execution).get(),
                Vars.EVIDENCE_ID.from(execution).get(), Vars.REVIEWED_BY.from(execution).get(),
                Vars.DISPOSAL_WITNESS.from(execution).get().trim());
    }
}
