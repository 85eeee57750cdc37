package org.spotcheck.cases;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes to the {@code spot_case} table; every change is guarded so a retry changes nothing twice. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String nextCaseNumber(Year year) {
        long n = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        return String.format("CF-%d-%06d", year.getValue(), n);
    }

    /**
     * Opens a case for a listing unless one is open already. The partial unique index
     * makes concurrent openers for one listing wait for each other: exactly one wins.
     */
    public Optional<CaseRef> tryOpen(String caseNumber, String platform, String listingId, long listingPk,
                                     long sellerPk, BigDecimal riskScore) {
        return jdbc.sql("""
                insert into spot_case (case_number, platform, listing_id, listing_pk, seller_pk, status, risk_score)
                values (:number, :platform, :listingId, :listingPk, :sellerPk, :status, :risk)
                on conflict (platform, listing_id) where closed_at is null do nothing
                returning id as pk, case_number""")
                .param("number", caseNumber).param("platform", platform).param("listingId", listingId)
                .param("listingPk", listingPk).param("sellerPk", sellerPk)
                .param("status", CaseStatus.TRIAGE.name()).param("risk", riskScore)
                .query(CaseRef.class).optional();
    }

    public Optional<CaseRef> findOpenByListing(String platform, String listingId) {
        return jdbc.sql("""
                select id as pk, case_number from spot_case
                where platform = :platform and listing_id = :listingId and closed_at is null""")
                .param("platform", platform).param("listingId", listingId)
                .query(CaseRef.class).optional();
    }

    public Optional<CaseRef> findByNumber(String caseNumber) {
        return jdbc.sql("select id as pk, case_number from spot_case where case_number = :number")
                .param("number", caseNumber).query(CaseRef.class).optional();
    }

    public CaseRef require(String caseNumber) {
        return findByNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    public void attachProcess(long casePk, String processInstanceId) {
        jdbc.sql("update spot_case set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", casePk).update();
    }

    /** @return false when the case was closed meanwhile (nothing changed) */
    public boolean moveTo(long casePk, CaseStatus status) {
        return jdbc.sql("update spot_case set status = :status where id = :id and closed_at is null and status <> :status")
                .param("status", status.name()).param("id", casePk).update() == 1;
    }

    public void recordTriage(long casePk, String decision, int priority, boolean exploration) {
        jdbc.sql("""
                update spot_case set triage_decision = :decision, priority = :priority, exploration = :exploration
                where id = :id""")
                .param("decision", decision).param("priority", priority).param("exploration", exploration)
                .param("id", casePk).update();
    }

    /** @return false when the case was closed already: closing is idempotent */
    public boolean close(long casePk, Outcome outcome) {
        return jdbc.sql("""
                update spot_case set status = :closed, outcome = :outcome, closed_at = now()
                where id = :id and closed_at is null""")
                .param("closed", CaseStatus.CLOSED.name()).param("outcome", outcome.name()).param("id", casePk)
                .update() == 1;
    }

    public CaseState state(long casePk) {
        return jdbc.sql("""
                select case_number, status, outcome, process_instance_id from spot_case where id = :id""")
                .param("id", casePk).query(CaseState.class).single();
    }

    public void changePriority(long casePk, int priority) {
        jdbc.sql("update spot_case set priority = :priority where id = :id")
                .param("priority", priority).param("id", casePk).update();
    }

    public long sellerOf(long casePk) {
        return jdbc.sql("select seller_pk from spot_case where id = :case").param("case", casePk)
                .query(Long.class).single();
    }

    public int cleanChecks(long sellerPk) {
        return jdbc.sql("select clean_checks from seller where id = :seller").param("seller", sellerPk)
                .query(Integer.class).single();
    }

    public int priorStrikes(long sellerPk) {
        return jdbc.sql("select count(*) from spot_case where seller_pk = :seller and outcome = 'COUNTERFEIT'")
                .param("seller", sellerPk).query(Integer.class).single();
    }

    /** Number, status and outcome as an API answer reports them. */
    public record CaseState(String caseNumber, String status, String outcome, String processInstanceId) {
    }
}
