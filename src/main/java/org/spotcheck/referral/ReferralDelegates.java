package org.spotcheck.referral;

import static org.spotcheck.referral.PoliceReferralProcess.Vars;

import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.engine.TaskActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates and task listeners of police-referral; each reads ids and calls {@link ReferralService}. */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {

    static final Set<String> AGENCIES = Set.of("PUBLIC_SECURITY", "MARKET_REGULATION", "QUALITY_INSPECTION", "FOOD_AND_DRUG");
    static final Set<String> FOLLOW_UPS = Set.of("ACKNOWLEDGED", "NO_ANSWER", "WITHDRAWN");
    static final String ACTOR = "referralActor";

    @Bean
    JavaDelegate assembleLeadPackage(ReferralService referrals) {
        return execution -> referrals.assemble(execution.getProcessBusinessKey());
    }

    /** Task_PrepareLeadPackage completion: agency, jurisdiction (province) and summary, all required. */
    @Bean
    TaskListener leadPackagePrepared() {
        return task -> {
            Object agency = task.getVariable(Vars.AGENCY);
            if (!(agency instanceof String a) || !AGENCIES.contains(a)) {
                throw TaskActors.refuse(Vars.AGENCY, "agency is required: one of " + AGENCIES);
            }
            for (String field : new String[] {Vars.JURISDICTION, Vars.SUMMARY}) {
                Object value = task.getVariable(field);
                if (!(value instanceof String s) || s.isBlank() || s.length() > (field.equals(Vars.SUMMARY) ? 4000 : 100)) {
                    throw TaskActors.refuse(field, field + " is required (" + (field.equals(Vars.SUMMARY)
                            ? "up to 4000 characters" : "the province, up to 100 characters") + ")");
                }
            }
            task.getExecution().setVariable(ACTOR, TaskActors.actor(task));
        };
    }

    @Bean
    JavaDelegate submitReferral(ReferralService referrals) {
        return execution -> referrals.submit(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.AGENCY),
                ((String) execution.getVariable(Vars.JURISDICTION)).trim(),
                ((String) execution.getVariable(Vars.SUMMARY)).trim(), (String) execution.getVariable(ACTOR));
    }

    /** Task_FollowUpReferral completion: what the liaison learned from the agency. */
    @Bean
    TaskListener referralFollowedUp(ReferralService referrals) {
        return task -> {
            Object followUp = task.getVariable(Vars.FOLLOW_UP);
            if (!(followUp instanceof String f) || !FOLLOW_UPS.contains(f)) {
                throw TaskActors.refuse(Vars.FOLLOW_UP, "followUp is required: one of " + FOLLOW_UPS);
            }
            String referralId = task.getExecution().getProcessBusinessKey();
            switch (f) {
                case "ACKNOWLEDGED" -> {
                    referrals.acknowledge(referralId, TaskActors.actor(task));
                    task.getExecution().setVariable(Vars.AGENCY_CLOSED, false);
                }
                case "NO_ANSWER" -> referrals.noAnswer(referralId, TaskActors.actor(task));
                default -> task.getExecution().setVariable(ACTOR, TaskActors.actor(task));
            }
        };
    }

    @Bean
    JavaDelegate withdrawReferral(ReferralService referrals) {
        return execution -> referrals.finish(execution.getProcessBusinessKey(), "WITHDRAWN",
                (String) execution.getVariable(ACTOR));
    }

    @Bean
    JavaDelegate closeReferral(ReferralService referrals) {
        return execution -> referrals.finish(execution.getProcessBusinessKey(), "CLOSED", "agency");
    }
}
