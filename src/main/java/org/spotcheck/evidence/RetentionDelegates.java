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
        return TaskActors.requireBoolean(Vars.EXTEND_HOLD.getName(), "true = keep it longer, false = dispose", (task, extend) -> {
            Object witness = task.getVariable(Vars.DISPOSAL_WITNESS.getName());
            if (!extend && (!(witness instanceof String name) || name.isBlank() || name.length() > 200)) {
                throw TaskActors.refuse(Vars.DISPOSAL_WITNESS.getName(),
                        "disposalWitness is required to dispose of evidence: the name of the witness (up to 200 characters)");
            }
            Vars.REVIEWED_BY.on(task.getExecution()).set(TaskActors.actor(task));
        });
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
