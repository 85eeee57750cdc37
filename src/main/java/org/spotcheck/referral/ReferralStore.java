package org.spotcheck.referral;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code referral} and {@code referral_outcome}: every statement of {@link ReferralService}. */
@Repository
class ReferralStore {

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the id of the case's referral, if it has one */
    Optional<String> ofCase(long casePk) {
        return jdbc.sql("select id from referral where case_pk = :case").param("case", casePk)
                .query(String.class).optional();
    }

    long nextNumber() {
        return jdbc.sql("select nextval('referral_number_seq')").query(Long.class).single();
    }

    /** A new referral, preparing, with an empty lead package. */
    void open(String id, long casePk, String suggestedAgency) {
        jdbc.sql("""
                insert into referral (id, case_pk, suggested_agency, lead_package, status)
                values (:id, :case, :agency, cast('{}' as jsonb), 'PREPARING')""")
                .param("id", id).param("case", casePk).param("agency", suggestedAgency).update();
    }

    long casePk(String referralId) {
        return jdbc.sql("select case_pk from referral where id = :id").param("id", referralId).query(Long.class).single();
    }

    /** @param json the lead package, as JSON */
    void storePackage(String referralId, String json) {
        jdbc.sql("update referral set lead_package = cast(:pkg as jsonb) where id = :id")
                .param("pkg", json).param("id", referralId).update();
    }

    /** @return false when the referral was not preparing (submitted already) */
    boolean submit(String referralId, String agency, String jurisdiction, String summary) {
        return jdbc.sql("""
                update referral set agency = :agency, jurisdiction = :jurisdiction, summary = :summary,
                       status = 'SUBMITTED', submitted_at = now() where id = :id and status = 'PREPARING'""")
                .param("agency", agency).param("jurisdiction", jurisdiction).param("summary", summary)
                .param("id", referralId).update() == 1;
    }

    /** @return false when the referral was not waiting for its acknowledgement */
    boolean acknowledge(String referralId) {
        return jdbc.sql("""
                update referral set status = 'ACKNOWLEDGED', acknowledged_at = now()
                where id = :id and status = 'SUBMITTED'""").param("id", referralId).update() == 1;
    }

    /** @return false when the referral was closed already */
    boolean finish(String referralId, String status) {
        return jdbc.sql("update referral set status = :status, closed_at = now() where id = :id and closed_at is null")
                .param("status", status).param("id", referralId).update() == 1;
    }

    /** @return the referral's status, its row locked until commit, or empty when there is no such referral */
    Optional<String> lockStatus(String referralId) {
        return jdbc.sql("select status from referral where id = :id for update")
                .param("id", referralId).query(String.class).optional();
    }

    boolean hasOutcome(String referralId, String reportId) {
        return jdbc.sql("select count(*) from referral_outcome where referral_id = :referral and report_id = :r")
                .param("referral", referralId).param("r", reportId).query(Long.class).single() > 0;
    }

    void addOutcome(String referralId, ReferralService.Outcome outcome, String by) {
        jdbc.sql("""
                insert into referral_outcome (report_id, referral_id, arrests, sites_closed, seized_value_cny, closed, reported_by)
                values (:report, :referral, :arrests, :sites, :seized, :closed, :by)""")
                .param("report", outcome.reportId()).param("referral", referralId).param("arrests", outcome.arrests())
                .param("sites", outcome.sitesClosed()).param("seized", outcome.seizedValueCny())
                .param("closed", outcome.closed()).param("by", by).update();
    }

    /** The outcomes' sums: {@code arrests}, {@code sites_closed}, {@code seized}. */
    Map<String, Object> totals(String referralId) {
        return jdbc.sql("""
                select coalesce(sum(arrests), 0) as arrests, coalesce(sum(sites_closed), 0) as sites_closed,
                       coalesce(sum(seized_value_cny), 0) as seized
                from referral_outcome where referral_id = :id""").param("id", referralId).query().singleRow();
    }

    /** @return the case's referral id, when it has one and the note is new */
    Optional<String> noteAppeal(long casePk, String note) {
        return jdbc.sql("""
                update referral set appeal_note = :note where case_pk = :case and appeal_note is distinct from :note
                returning id""").param("case", casePk).param("note", note).query(String.class).optional();
    }
}
