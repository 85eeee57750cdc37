package org.spotcheck.verification;

import java.util.Optional;
import org.spotcheck.cases.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code verification} (the rounds of each case), {@code verifier}, {@code verifier_brand}
 * and {@code lab_category}: one store for {@link VerificationService} and {@link VerifierRegistry},
 * as a lab is chosen by its open rounds.
 */
@Repository
class VerificationStore {

    private static final String ROUND = """
            select id, round, route, verifier_id, verdict, report_reference, superseded_at is not null as superseded
            from verification""";

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A round of a case's verification: who it was sent to, and what became of it. */
    record Round(long id, int round, String route, String verifierId, String verdict, String reportReference,
                 boolean superseded) {
    }

    // ---- verifiers

    Optional<String> rightsHolderOf(String brand) {
        return jdbc.sql("select verifier_id from verifier_brand where lower(brand) = lower(:brand)")
                .param("brand", brand).query(String.class).optional();
    }

    /** The lab with the fewest open verifications for the category, so work spreads over labs. */
    Optional<String> labFor(String category) {
        return jdbc.sql("""
                select l.verifier_id from lab_category l
                where l.category = :category
                order by (select count(*) from verification v
                          where v.verifier_id = l.verifier_id and v.verdict is null and v.superseded_at is null),
                         l.verifier_id
                limit 1""").param("category", category).query(String.class).optional();
    }

    void saveVerifier(String verifierId, String kind, String name) {
        jdbc.sql("""
                insert into verifier (id, kind, name) values (:id, :kind, :name)
                on conflict (id) do update set kind = excluded.kind, name = excluded.name""")
                .param("id", verifierId).param("kind", kind).param("name", name).update();
    }

    /** Gives the brand to the rights holder unless it has one already (in any case). */
    void claimBrand(String brand, String verifierId) {
        jdbc.sql("""
                insert into verifier_brand (brand, verifier_id) values (:brand, :id)
                on conflict ((lower(brand))) do nothing""")
                .param("brand", brand).param("id", verifierId).update();
    }

    void addLabCategory(String verifierId, String category) {
        jdbc.sql("insert into lab_category (verifier_id, category) values (:id, :category) on conflict do nothing")
                .param("id", verifierId).param("category", category).update();
    }

    // ---- rounds

    int nextRound(long casePk) {
        return jdbc.sql("select coalesce(max(round), 0) + 1 from verification where case_pk = :case")
                .param("case", casePk).query(Integer.class).single();
    }

    /** @return the new round's id */
    long openRound(long casePk, int round, String route, String verifier) {
        return jdbc.sql("""
                insert into verification (case_pk, round, route, verifier_id) values (:case, :round, :route, :verifier)
                returning id""").param("case", casePk).param("round", round).param("route", route)
                .param("verifier", verifier).query(Long.class).single();
    }

    /** The case's latest round, locked until commit (the lock a verdict and the re-route both take), if any. */
    Optional<Round> latestLockedIfAny(long casePk) {
        return jdbc.sql(ROUND + " where case_pk = :case order by round desc limit 1 for update")
                .param("case", casePk).query(Round.class).optional();
    }

    /** The case's latest round, locked until commit (the lock a verdict and the re-route both take). */
    Round latestLocked(long casePk) {
        return jdbc.sql(ROUND + " where case_pk = :case order by round desc limit 1 for update")
                .param("case", casePk).query(Round.class).single();
    }

    /** The verifier's latest round of the case, or its round {@code forRound} when not null. */
    Optional<Round> latestOf(long casePk, String verifier, Integer forRound) {
        JdbcClient.StatementSpec query = jdbc.sql(ROUND + " where case_pk = :case and verifier_id = :verifier"
                        + (forRound == null ? "" : " and round = :round") + " order by round desc limit 1")
                .param("case", casePk).param("verifier", verifier);
        return (forRound == null ? query : query.param("round", forRound)).query(Round.class).optional();
    }

    /** Applies the verdict to the round unless it has one or was superseded. */
    void recordVerdict(long roundId, Verdict verdict, String reportReference, String notes) {
        jdbc.sql("""
                update verification set verdict = :verdict, report_reference = :report, notes = :notes, answered_at = now()
                where id = :id and verdict is null and superseded_at is null""")
                .param("verdict", verdict.name()).param("report", reportReference).param("notes", notes)
                .param("id", roundId).update();
    }

    /** The verifier of the case's latest round. */
    String latestVerifier(long casePk) {
        return jdbc.sql("select verifier_id from verification where case_pk = :case order by round desc limit 1")
                .param("case", casePk).query(String.class).single();
    }

    void supersede(long roundId) {
        jdbc.sql("update verification set superseded_at = now() where id = :id").param("id", roundId).update();
    }

    boolean isVerifierOf(long casePk, String verifier) {
        return jdbc.sql("select count(*) from verification where case_pk = :case and verifier_id = :v")
                .param("case", casePk).param("v", verifier).query(Long.class).single() > 0;
    }

    /** @return the round whose COUNTERFEIT or GENUINE verdict decided the case, if one did */
    Optional<VerificationService.Decisive> decisive(long casePk) {
        return jdbc.sql("""
                select route, verifier_id, verdict, report_reference, answered_at from verification
                where case_pk = :case and verdict in ('COUNTERFEIT', 'GENUINE') order by round desc limit 1""")
                .param("case", casePk).query((rs, i) -> new VerificationService.Decisive(
                        org.spotcheck.cases.VerificationRoute.valueOf(rs.getString("route")), rs.getString("verifier_id"),
                        org.spotcheck.cases.Verdict.valueOf(rs.getString("verdict")), rs.getString("report_reference"),
                        rs.getObject("answered_at", java.time.OffsetDateTime.class))).optional();
    }
}
