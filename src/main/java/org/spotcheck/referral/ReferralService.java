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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads to agencies: opened from a counterfeit case, assembled into a package, reviewed,
 * submitted, chased, and followed with cumulative outcomes until the agency closes it.
 * Everything also lands on the origin case's timeline.
 */
@Service
public class ReferralService {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;
    private final LeadPackageProjection leadPackages;

    ReferralService(JdbcClient jdbc, CaseRepository cases, CaseJournal journal, RuntimeService runtime,
                    ObjectMapper json, Clock clock, LeadPackageProjection leadPackages) {
        this.leadPackages = leadPackages;
        this.jdbc = jdbc;
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
        Optional<String> existing = jdbc.sql("select id from referral where case_pk = :case").param("case", ref.pk())
                .query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long n = jdbc.sql("select nextval('referral_number_seq')").query(Long.class).single();
        String id = String.format("RF-%d-%06d", Year.now(clock).getValue(), n);
        jdbc.sql("""
                insert into referral (id, case_pk, suggested_agency, lead_package, status)
                values (:id, :case, :agency, cast('{}' as jsonb), 'PREPARING')""")
                .param("id", id).param("case", ref.pk()).param("agency", suggestedAgency).update();
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
        long casePk = casePk(referralId);
        Map<String, Object> pkg = leadPackages.of(casePk);
        List<?> network = (List<?>) pkg.get("network");
        jdbc.sql("update referral set lead_package = cast(:pkg as jsonb) where id = :id")
                .param("pkg", toJson(pkg)).param("id", referralId).update();
        note(referralId, CaseJournal.ACTOR_SYSTEM, "Lead package assembled: " + network.size()
                + " seller(s) in the network", "referral-package-assembled", Map.of("referralId", referralId));
    }

    @Transactional
    void submit(String referralId, String agency, String jurisdiction, String summary, String by) {
        int changed = jdbc.sql("""
                update referral set agency = :agency, jurisdiction = :jurisdiction, summary = :summary,
                       status = 'SUBMITTED', submitted_at = now() where id = :id and status = 'PREPARING'""")
                .param("agency", agency).param("jurisdiction", jurisdiction).param("summary", summary)
                .param("id", referralId).update();
        if (changed == 1) {
            note(referralId, by, "Referral " + referralId + " submitted to " + agency + " (" + jurisdiction + ")",
                    "referral-submitted", Map.of("referralId", referralId, "agency", agency, "jurisdiction", jurisdiction));
        }
    }

    @Transactional
    void acknowledge(String referralId, String by) {
        int changed = jdbc.sql("""
                update referral set status = 'ACKNOWLEDGED', acknowledged_at = now()
                where id = :id and status = 'SUBMITTED'""").param("id", referralId).update();
        if (changed == 1) {
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
        int changed = jdbc.sql("update referral set status = :status, closed_at = now() where id = :id and closed_at is null")
                .param("status", status).param("id", referralId).update();
        if (changed == 1) {
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
        Optional<String> status = jdbc.sql("select status from referral where id = :id for update")
                .param("id", referralId).query(String.class).optional();
        if (status.isEmpty()) {
            return OutcomeAnswer.UNKNOWN;
        }
        if (jdbc.sql("select count(*) from referral_outcome where referral_id = :referral and report_id = :r")
                .param("referral", referralId).param("r", outcome.reportId()).query(Long.class).single() > 0) {
            return OutcomeAnswer.DUPLICATE;
        }
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(PoliceReferralProcess.OUTCOME_MESSAGE).count() > 0;
        if (!waiting) {
            return OutcomeAnswer.NOT_WAITING;
        }
        jdbc.sql("""
                insert into referral_outcome (report_id, referral_id, arrests, sites_closed, seized_value_cny, closed, reported_by)
                values (:report, :referral, :arrests, :sites, :seized, :closed, :by)""")
                .param("report", outcome.reportId()).param("referral", referralId).param("arrests", outcome.arrests())
                .param("sites", outcome.sitesClosed()).param("seized", outcome.seizedValueCny())
                .param("closed", outcome.closed()).param("by", by).update();
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
        return jdbc.sql("""
                select coalesce(sum(arrests), 0) as arrests, coalesce(sum(sites_closed), 0) as sites_closed,
                       coalesce(sum(seized_value_cny), 0) as seized
                from referral_outcome where referral_id = :id""").param("id", referralId).query().singleRow();
    }

    private long casePk(String referralId) {
        return jdbc.sql("select case_pk from referral where id = :id").param("id", referralId).query(Long.class).single();
    }

    private void note(String referralId, String actor, String text, String type, Map<String, ?> data) {
        String caseNumber = cases.caseNumberOf(casePk(referralId));
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
}
