package org.spotcheck.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads to agencies: opened from a counterfeit case, assembled into a package, reviewed,
 * submitted, chased, and followed with cumulative outcomes until the agency closes it.
 * Everything also lands on the origin case's timeline. The SQL is {@link ReferralStore}'s.
 */
@Service
public class ReferralService {

    private final ReferralStore store;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;
    private final LeadPackageProjection leadPackages;

    ReferralService(ReferralStore store, CaseRepository cases, CaseJournal journal, RuntimeService runtime,
                    ObjectMapper json, Clock clock, LeadPackageProjection leadPackages) {
        this.leadPackages = leadPackages;
        this.store = store;
        this.cases = cases;
        this.journal = journal;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
    }

    /** Opens the referral of a case once (a retry finds it) and starts its process; the case does not wait. */
    @Transactional
    public String open(String caseNumber, String suggestedAgency) {
        CaseRef ref = cases.require(caseNumber);
        Optional<String> existing = store.ofCase(ref.pk());
        if (existing.isPresent()) {
            return existing.get();
        }
        long n = store.nextNumber();
        String id = String.format("RF-%d-%06d", Year.now(clock).getValue(), n);
        store.open(id, ref.pk(), suggestedAgency);
        VariableMap start = Variables.createVariables();
        PoliceReferralProcess.Vars.CASE_NUMBER.on(start).set(caseNumber);
        PoliceReferralProcess.Vars.REFERRAL_ID.on(start).set(id);
        PoliceReferralProcess.Vars.SUGGESTED_AGENCY.on(start).set(suggestedAgency);
        runtime.createMessageCorrelation(PoliceReferralProcess.START_MESSAGE).processInstanceBusinessKey(id)
                .setVariables(start).correlateStartMessage();
        journal.record(ref, "REFERRAL", CaseJournal.ACTOR_SYSTEM, "Referral " + id + " opened for " + suggestedAgency,
                "referral-opened", Map.of("referralId", id, "agency", suggestedAgency));
        return id;
    }

    /** The lead package: case, listing and seller, evidence with its custody chain, the seller's network and its cases. */
    @Transactional
    void assemble(String referralId) {
        long casePk = store.casePk(referralId);
        Map<String, Object> pkg = leadPackages.of(casePk);
        List<?> network = (List<?>) pkg.get("network");
        store.storePackage(referralId, toJson(pkg));
        note(referralId, CaseJournal.ACTOR_SYSTEM, "Lead package assembled: " + network.size()
                + " seller(s) in the network", "referral-package-assembled", Map.of("referralId", referralId));
    }

    @Transactional
    void submit(String referralId, String agency, String jurisdiction, String summary, String by) {
        if (store.submit(referralId, agency, jurisdiction, summary)) {
            note(referralId, by, "Referral " + referralId + " submitted to " + agency + " (" + jurisdiction + ")",
                    "referral-submitted", Map.of("referralId", referralId, "agency", agency, "jurisdiction", jurisdiction));
        }
    }

    @Transactional
    void acknowledge(String referralId, String by) {
        if (store.acknowledge(referralId)) {
            note(referralId, by, "Referral " + referralId + " acknowledged by the agency", "referral-acknowledged",
                    Map.of("referralId", referralId));
        }
    }

    @Transactional
    void noAnswer(String referralId, String by) {
        note(referralId, by, "Referral " + referralId + ": no answer from the agency yet, chased again",
                "referral-chased", Map.of("referralId", referralId));
    }

    @Transactional
    void finish(String referralId, String status, String by) {
        if (store.finish(referralId, status)) {
            note(referralId, by, "Referral " + referralId + " " + status.toLowerCase(), "referral-" + status.toLowerCase(),
                    Map.of("referralId", referralId));
        }
    }

    /**
     * Records an agency's outcome report and resumes the process; the same report id twice
     * for one referral counts once (agencies number their own reports: PSB-1 may come for
     * any referral). Accepted while the process awaits an answer or a follow-up is open.
     */
    @Transactional
    public OutcomeAnswer recordOutcome(String referralId, Outcome outcome, String by) {
        Optional<String> status = store.lockStatus(referralId);
        if (status.isEmpty()) {
            return OutcomeAnswer.UNKNOWN;
        }
        if (store.hasOutcome(referralId, outcome.reportId())) {
            return OutcomeAnswer.DUPLICATE;
        }
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(PoliceReferralProcess.OUTCOME_MESSAGE).count() > 0;
        if (!waiting) {
            return OutcomeAnswer.NOT_WAITING;
        }
        store.addOutcome(referralId, outcome, by);
        acknowledge(referralId, by);
        Map<String, Object> totals = totals(referralId);
        note(referralId, by, "Referral " + referralId + " outcome: +" + outcome.arrests() + " arrests, +"
                        + outcome.sitesClosed() + " sites closed, +" + outcome.seizedValueCny() + " CNY seized (totals "
                        + totals.get("arrests") + " / " + totals.get("sites_closed") + " / " + totals.get("seized") + ")"
                        + (outcome.closed() ? "; closed by the agency" : ""),
                "referral-outcome", Map.of("referralId", referralId, "arrests", outcome.arrests(),
                        "sitesClosed", outcome.sitesClosed(), "seizedValueCny", outcome.seizedValueCny(),
                        "closed", outcome.closed()));
        VariableMap reported = Variables.createVariables();
        PoliceReferralProcess.Vars.AGENCY_CLOSED.on(reported).set(outcome.closed());
        runtime.createMessageCorrelation(PoliceReferralProcess.OUTCOME_MESSAGE).processInstanceBusinessKey(referralId)
                .setVariables(reported).correlate();
        return OutcomeAnswer.ACCEPTED;
    }

    Map<String, Object> totals(String referralId) {
        return store.totals(referralId);
    }

    private void note(String referralId, String actor, String text, String type, Map<String, ?> data) {
        String caseNumber = cases.caseNumberOf(store.casePk(referralId));
        journal.record(cases.require(caseNumber), "REFERRAL", actor, text, type, data);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead package is not serialisable", e);
        }
    }

    public record Outcome(String reportId, int arrests, int sitesClosed, BigDecimal seizedValueCny, boolean closed) {
    }

    public enum OutcomeAnswer { ACCEPTED, DUPLICATE, NOT_WAITING, UNKNOWN }

    /** Notes on the case's referral, if it has one, that an appeal reversed the case's restrictions. */
    @Transactional
    public void noteAppeal(String caseNumber, String note) {
        CaseRef ref = cases.require(caseNumber);
        store.noteAppeal(ref.pk(), note).ifPresent(referralId -> journal.record(ref, "REFERRAL", CaseJournal.ACTOR_SYSTEM,
                "Referral " + referralId + " noted: " + note, "referral-appeal-noted", Map.of("referralId", referralId)));
    }
}
