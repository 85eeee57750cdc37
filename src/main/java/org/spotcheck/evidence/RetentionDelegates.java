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

    static final String REVIEWED_BY = "retentionReviewedBy";

    @Bean
    TaskListener retentionReviewed() {
        return TaskActors.requireBoolean(Vars.EXTEND_HOLD, "true = keep it longer, false = dispose", (task, extend) -> {
            Object witness = task.getVariable(Vars.DISPOSAL_WITNESS);
            if (!extend && (!(witness instanceof String name) || name.isBlank() || name.length() > 200)) {
                throw TaskActors.refuse(Vars.DISPOSAL_WITNESS,
                        "disposalWitness is required to dispose of evidence: the name of the witness (up to 200 characters)");
            }
            task.getExecution().setVariable(REVIEWED_BY, TaskActors.actor(task));
        });
    }

    @Bean
    JavaDelegate recordHoldExtension(RetentionService retention) {
        return execution -> retention.extendHold((String) execution.getVariable(Vars.CASE_NUMBER),
                ((Number) execution.getVariable(Vars.EVIDENCE_ID)).longValue(),
                (String) execution.getVariable(REVIEWED_BY));
    }

    @Bean
    JavaDelegate disposeEvidence(RetentionService retention) {
        return execution -> retention.dispose((String) execution.getVariable(Vars.CASE_NUMBER),
                ((Number) execution.getVariable(Vars.EVIDENCE_ID)).longValue(),
                (String) execution.getVariable(REVIEWED_BY),
                ((String) execution.getVariable(Vars.DISPOSAL_WITNESS)).trim());
    }
}
