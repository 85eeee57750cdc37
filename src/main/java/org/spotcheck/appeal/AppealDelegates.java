package org.spotcheck.appeal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spotcheck.appeal.AppealProcess.Vars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code seller-appeal}; each is an async job: retried, then an incident in Cockpit. */
@Configuration(proxyBeanMethods = false)
class AppealDelegates {

    static final String NO_ACTION_REASONS = "The rights holder reported no complaint or lawsuit within 15 days of the "
            + "counter-notice (PRC E-Commerce Law Art. 43): the restriction is lifted";

    @Bean
    JavaDelegate sendCounterNotice(AppealService appeals) {
        return execution -> appeals.sendCounterNotice(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate keepRestriction(AppealService appeals) {
        return reviewersDecision(appeals, AppealDecision.UPHELD);
    }

    @Bean
    JavaDelegate liftRestriction(AppealService appeals) {
        return reviewersDecision(appeals, AppealDecision.REVERSED);
    }

    @Bean
    JavaDelegate reduceRestriction(AppealService appeals) {
        return reviewersDecision(appeals, AppealDecision.REDUCED);
    }

    /** Applies the reviewer's decision with its reasons; who decided was recorded when the task was completed. */
    private static JavaDelegate reviewersDecision(AppealService appeals, AppealDecision decision) {
        return execution -> appeals.decide(execution.getProcessBusinessKey(), decision, Vars.REASONS.from(execution).get(),
                null);
    }

    @Bean
    JavaDelegate keepOnComplaint(AppealService appeals) {
        return execution -> appeals.decide(execution.getProcessBusinessKey(), AppealDecision.UPHELD,
                "The rights holder reported " + Vars.RIGHTS_HOLDER_ACTION.from(execution) + " ("
                        + Vars.RIGHTS_HOLDER_REFERENCE.from(execution).getOrDefault("no reference")
                        + ") within 15 days of the counter-notice: the restriction stays", "rights holder");
    }

    @Bean
    JavaDelegate liftAfterCounterNotice(AppealService appeals) {
        return execution -> appeals.decide(execution.getProcessBusinessKey(), AppealDecision.REVERSED,
                NO_ACTION_REASONS, org.spotcheck.cases.CaseJournal.ACTOR_SYSTEM);
    }

    @Bean
    JavaDelegate notifyAppealDecision(AppealService appeals) {
        return execution -> appeals.notifySeller(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate escalateAppeal(AppealService appeals) {
        return execution -> appeals.escalate(execution.getProcessBusinessKey());
    }
}
