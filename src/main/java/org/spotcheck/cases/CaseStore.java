package org.spotcheck.cases;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code spot_case} and the cases' advisory locks: every statement on them, behind
 * {@link CaseRepository}, the door other capabilities use.
 * <p>Size: every statement on the table in one place, each method a single statement.
 */
@Repository
class CaseStore {

    // the two-key form of advisory locks, a space of their own: one lock per case, between merging and closing
    private static final int CASE_LOCKS = 0x43415345;
    private static final String WAITING = "select id as pk, case_number, priority, risk_score, opened_at from spot_case";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LockTimeout lockTimeout;

    CaseStore(JdbcClient jdbc, JdbcTemplate template, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.template = template;
        this.lockTimeout = lockTimeout;
    }

    List<String> nextCaseNumbers(Year year, int count) {
        return jdbc.sql("select nextval('case_number_seq') from generate_series(1, :n)").param("n", count)
                .query(Long.class).list().stream().map(n -> String.format("CF-%d-%06d", year.getValue(), n)).toList();
    }

    /** The open cases of these listings, each held by a shared lock until commit ({@link #close} takes it exclusively). */
    Map<String, CaseRef> findOpenByListings(Collection<String[]> platformAndListingIds) {
        Map<String, CaseRef> found = new HashMap<>();
        if (platformAndListingIds.isEmpty()) {
            return found;
        }
        ArraySql.query(template, """
                select c.id, c.case_number, c.platform, c.listing_id from spot_case c
                join unnest(?::varchar[], ?::varchar[]) as t(p, l) on c.platform = t.p and c.listing_id = t.l
                where c.closed_at is null""",
                (rs, i) -> found.put(rs.getString(3) + ":" + rs.getString(4), new CaseRef(rs.getLong(1), rs.getString(2))),
                ArraySql.of("varchar", platformAndListingIds.stream().map(k -> k[0]).toList()),
                ArraySql.of("varchar", platformAndListingIds.stream().map(k -> k[1]).toList()));
        if (found.isEmpty()) {
            return found;
        }
        Object ids = ArraySql.of("int8", found.values().stream().map(CaseRef::pk).toList());
        lockTimeout.bound();
        ArraySql.query(template, """
                select pg_advisory_xact_lock_shared(%d, hashint8(i))
                from (select distinct i from unnest(?::int8[]) as a(i) order by i) as cases""".formatted(CASE_LOCKS),
                (rs, i) -> null, ids);
        // a statement of its own, so it sees a close committed while this one waited for the lock
        java.util.Set<Long> stillOpen = new java.util.HashSet<>(ArraySql.query(template,
                "select id from spot_case where id = any(?::int8[]) and closed_at is null", (rs, i) -> rs.getLong(1), ids));
        found.values().removeIf(ref -> !stillOpen.contains(ref.pk()));
        return found;
    }

    CaseRepository.ListingCases ofListing(String platform, String listingId, int limit) {
        List<String[]> rows = jdbc.sql("""
                select case_number, closed_at is null from spot_case where platform = :platform and listing_id = :listing
                order by opened_at desc, id desc limit :limit""")
                .param("platform", platform).param("listing", listingId).param("limit", limit)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getBoolean(2) ? "open" : null}).list();
        return new CaseRepository.ListingCases(rows.stream().map(r -> r[0]).toList(),
                rows.stream().filter(r -> r[1] != null).map(r -> r[0]).findFirst().orElse(null));
    }

    Map<String, CaseRepository.CaseState> statesByNumber(Collection<String> caseNumbers) {
        Map<String, CaseRepository.CaseState> found = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return found;
        }
        ArraySql.query(template, """
                select case_number, status, outcome, process_instance_id from spot_case where case_number = any(?::varchar[])""",
                (rs, i) -> found.put(rs.getString(1), new CaseRepository.CaseState(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))), ArraySql.of("varchar", List.copyOf(caseNumbers)));
        return found;
    }

    Map<Long, CaseRepository.CaseState> states(Collection<Long> casePks) {
        Map<Long, CaseRepository.CaseState> found = new HashMap<>();
        ArraySql.query(template, """
                select id, case_number, status, outcome, process_instance_id from spot_case where id = any(?::int8[])""",
                (rs, i) -> found.put(rs.getLong(1), new CaseRepository.CaseState(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))), ArraySql.of("int8", List.copyOf(casePks)));
        return found;
    }

    /** The partial unique index makes concurrent openers for one listing wait for each other: exactly one wins. */
    Optional<CaseRef> tryOpen(String caseNumber, String platform, String listingId, long listingPk, long sellerPk,
                              BigDecimal riskScore) {
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

    Optional<CaseRef> findByNumber(String caseNumber) {
        return jdbc.sql("select id as pk, case_number from spot_case where case_number = :number")
                .param("number", caseNumber).query(CaseRef.class).optional();
    }

    void attachProcesses(Map<Long, String> processes) {
        ArraySql.update(template, """
                update spot_case c set process_instance_id = t.pi
                from unnest(?::int8[], ?::varchar[]) as t(id, pi) where c.id = t.id""",
                ArraySql.of("int8", List.copyOf(processes.keySet())),
                ArraySql.of("varchar", List.copyOf(processes.values())));
    }

    boolean moveTo(long casePk, CaseStatus status) {
        return jdbc.sql("update spot_case set status = :status where id = :id and closed_at is null and status <> :status")
                .param("status", status.name()).param("id", casePk).update() == 1;
    }

    void recordTriage(long casePk, String decision, int priority, boolean exploration) {
        jdbc.sql("""
                update spot_case set triage_decision = :decision, priority = :priority, exploration = :exploration
                where id = :id""")
                .param("decision", decision).param("priority", priority).param("exploration", exploration)
                .param("id", casePk).update();
    }

    boolean close(long casePk, Outcome outcome) {
        // waits for the batches merging flags into the case (findOpenByListings) to commit
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:locks, hashint8(:id))").param("locks", CASE_LOCKS).param("id", casePk)
                .query().singleRow();
        return jdbc.sql("""
                update spot_case set status = :closed, outcome = :outcome, closed_at = now()
                where id = :id and closed_at is null""")
                .param("closed", CaseStatus.CLOSED.name()).param("outcome", outcome.name()).param("id", casePk)
                .update() == 1;
    }

    CaseRepository.CaseState state(long casePk) {
        return jdbc.sql("""
                select case_number, status, outcome, process_instance_id from spot_case where id = :id""")
                .param("id", casePk).query(CaseRepository.CaseState.class).single();
    }

    void changePriority(long casePk, int priority) {
        jdbc.sql("update spot_case set priority = :priority where id = :id")
                .param("priority", priority).param("id", casePk).update();
    }

    long sellerOf(long casePk) {
        return jdbc.sql("select seller_pk from spot_case where id = :case").param("case", casePk)
                .query(Long.class).single();
    }

    CaseRepository.Subject subject(long casePk) {
        return jdbc.sql("""
                select id as pk, case_number, listing_pk, seller_pk, opened_at, outcome from spot_case where id = :id""")
                .param("id", casePk).query(CaseRepository.Subject.class).single();
    }

    Map<Long, CaseRepository.Triage> triage(Collection<Long> casePks) {
        Map<Long, CaseRepository.Triage> found = new HashMap<>();
        if (!casePks.isEmpty()) {
            ArraySql.query(template, """
                    select id, case_number, triage_decision, priority, exploration from spot_case where id = any(?::int8[])""",
                    (rs, i) -> found.put(rs.getLong(1), new CaseRepository.Triage(rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getBoolean(5))), ArraySql.of("int8", List.copyOf(casePks)));
        }
        return found;
    }

    Map<Long, Integer> counterfeitCounts(Collection<Long> sellerPks) {
        Map<Long, Integer> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, """
                    select seller_pk, count(*) from spot_case
                    where seller_pk = any(?::int8[]) and outcome = 'COUNTERFEIT' and strike_lifted_at is null group by seller_pk""",
                    (rs, i) -> found.put(rs.getLong(1), rs.getInt(2)), ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    Set<Long> sellersWithOpenCases(Collection<Long> sellerPks) {
        return sellerPks.isEmpty() ? Set.of() : Set.copyOf(ArraySql.query(template, """
                select distinct seller_pk from spot_case where seller_pk = any(?::int8[]) and closed_at is null""",
                (rs, i) -> rs.getLong(1), ArraySql.of("int8", List.copyOf(sellerPks))));
    }

    Set<Long> listingsWithCases(Collection<Long> listingPks) {
        return listingPks.isEmpty() ? Set.of() : Set.copyOf(ArraySql.query(template, """
                select distinct listing_pk from spot_case where listing_pk = any(?::int8[])""",
                (rs, i) -> rs.getLong(1), ArraySql.of("int8", List.copyOf(listingPks))));
    }

    List<CaseRepository.Waiting> waitingInReleaseOrder(CaseStatus status) {
        return jdbc.sql(WAITING + " where status = :status and closed_at is null"
                        + " order by priority, risk_score desc, opened_at, id")
                .param("status", status.name()).query(CaseRepository.Waiting.class).list();
    }

    List<CaseRepository.Waiting> lastInReleaseOrder(CaseStatus status, long exceptPk, long limit) {
        return jdbc.sql(WAITING + " where status = :status and closed_at is null and id <> :except"
                        + " order by priority desc nulls first, risk_score asc nulls last, opened_at desc, id desc"
                        + " limit :limit")
                .param("status", status.name()).param("except", exceptPk).param("limit", limit)
                .query(CaseRepository.Waiting.class).list();
    }

    long countWaiting(CaseStatus status, long exceptPk) {
        return jdbc.sql("select count(*) from spot_case where status = :status and closed_at is null and id <> :except")
                .param("status", status.name()).param("except", exceptPk).query(Long.class).single();
    }

    CaseRepository.Waiting waiting(long casePk) {
        return jdbc.sql(WAITING + " where id = :id").param("id", casePk).query(CaseRepository.Waiting.class).single();
    }

    String caseNumberOf(long casePk) {
        return jdbc.sql("select case_number from spot_case where id = :id").param("id", casePk)
                .query(String.class).single();
    }

    /** @return false when the strike was lifted before */
    boolean liftStrike(long casePk) {
        return jdbc.sql("update spot_case set strike_lifted_at = now() where id = :id and strike_lifted_at is null")
                .param("id", casePk).update() == 1;
    }

    boolean strikeLifted(long casePk) {
        return jdbc.sql("select strike_lifted_at is not null from spot_case where id = :id").param("id", casePk)
                .query(Boolean.class).single();
    }
}
