package org.spotcheck.enforcement;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The counterfeit path: takedown, sanction, referral decision. */
@Configuration(proxyBeanMethods = false)
class EnforcementDelegates {

    /** Runs as an async job: retried, then an incident in Cockpit, never silently skipped. */
    @Bean
    JavaDelegate takeDownListing(EnforcementService enforcement) {
        return execution -> enforcement.command(execution.getProcessBusinessKey(), EnforcementService.TAKE_DOWN_LISTING);
    }

    @Bean
    JavaDelegate applySanction(EnforcementService enforcement) {
        return execution -> enforcement.sanction(execution.getProcessBusinessKey(), Vars.SANCTION.from(execution));
    }

    /** An async job of its own, after the case closed: a large network can fail or retry only this step. */
    @Bean
    JavaDelegate spawnLinkedCases(LinkedCases linked) {
        return execution -> linked.spawnFor(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate recordReferral(EnforcementService enforcement) {
        return execution -> enforcement.referralDecision(execution.getProcessBusinessKey(),
                Vars.REFER.from(execution).getOrDefault(false), Vars.AGENCY.from(execution).getOrNull());
    }
}
