package org.spotcheck.referral;

import static org.spotcheck.referral.PoliceReferralProcess.Vars;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.cases.Agency;
import org.spotcheck.engine.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates and task listeners of police-referral; each reads ids and calls {@link ReferralService}. */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {


    @Bean
    JavaDelegate assembleLeadPackage(ReferralService referrals) {
        return execution -> referrals.assemble(execution.getProcessBusinessKey());
    }

    /** Task_PrepareLeadPackage completion: agency, jurisdiction (province) and summary, all required. */
    @Bean
    TaskListener leadPackagePrepared() {
        return task -> {
            // the fields' rules (an agency of the list, jurisdiction and summary required and bounded) are the
            // form's (forms/prepare-lead-package.form), applied at both task doors (engine.FormRules); the agency is
            // read as the closed set it is
            TaskActors.requireOneOf(task, Vars.AGENCY.getName(), Agency.class);
            Vars.ACTOR.on(task.getExecution()).set(TaskActors.actor(task));
        };
    }

    @Bean
    JavaDelegate submitReferral(ReferralService referrals) {
        return execution -> referrals.submit(execution.getProcessBusinessKey(), Vars.AGENCY.from(execution).get(),
                Vars.JURISDICTION.from(execution).get().trim(), Vars.SUMMARY.from(execution).get().trim(),
                Vars.ACTOR.from(execution).get());
    }

    /** Task_FollowUpReferral completion: what the liaison learned from the agency. */
    @Bean
    TaskListener referralFollowedUp(ReferralService referrals) {
        return task -> {
            FollowUp followUp = TaskActors.requireOneOf(task, Vars.FOLLOW_UP.getName(), FollowUp.class);
            String referralId = task.getExecution().getProcessBusinessKey();
            switch (followUp) {
                case ACKNOWLEDGED -> {
                    referrals.acknowledge(referralId, TaskActors.actor(task));
                    Vars.AGENCY_CLOSED.on(task.getExecution()).set(false);
                }
                case NO_ANSWER -> referrals.noAnswer(referralId, TaskActors.actor(task));
                case WITHDRAWN -> Vars.ACTOR.on(task.getExecution()).set(TaskActors.actor(task));
            }
        };
    }

    @Bean
    JavaDelegate withdrawReferral(ReferralService referrals) {
        return execution -> referrals.finish(execution.getProcessBusinessKey(), "WITHDRAWN",
                Vars.ACTOR.from(execution).get());
    }

    @Bean
    JavaDelegate closeReferral(ReferralService referrals) {
        return execution -> referrals.finish(execution.getProcessBusinessKey(), "CLOSED", "agency");
    }
}
