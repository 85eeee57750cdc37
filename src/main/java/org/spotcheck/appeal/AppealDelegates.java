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
        return execution -> appeals.decide(execution.getProcessBusinessKey(), AppealDecision.UPHELD,
                Vars.REASONS.from(execution).get(), null);
    }

    @Bean
    JavaDelegate liftRestriction(AppealService appeals) {
        return execution -> appeals.decide(execution.getProcessBusinessKey(), AppealDecision.REVERSED,
                Vars.REASONS.from(execution).get(), null);
    }

    @Bean
    JavaDelegate reduceRestriction(AppealService appeals) {
        return execution -> appeals.decide(execution.getProcessBusinessKey(), AppealDecision.REDUCED,
                Vars.REASONS.from(execution).get(), null);
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
                NO_ACTION_REASONS, "spotcheck");
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
