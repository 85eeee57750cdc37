package org.spotcheck.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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
 * The one door to {@code spot_case} (TableOwnershipTest): its writes, each guarded so a
 * retry changes nothing twice, and what other capabilities may ask of cases.
 * <p>Size: every statement on the table in one place, each method a single statement.
 */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LockTimeout lockTimeout;

    CaseRepository(JdbcClient jdbc, JdbcTemplate template, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.template = template;
        this.lockTimeout = lockTimeout;
    }

    /** {@code count} new case numbers at once. */
    public List<String> nextCaseNumbers(Year year, int count) {
        return jdbc.sql("select nextval('case_number_seq') from generate_series(1, :n)").param("n", count)
                .query(Long.class).list().stream().map(n -> String.format("CF-%d-%06d", year.getValue(), n)).toList();
    }

    // the two-key form of advisory locks, a space of their own: one lock per case, between merging and closing
    private static final int CASE_LOCKS = 0x43415345;

    /**
     * @return the open case of each listing that has one, by "platform:listingId". Each is
     *         held by a shared lock until commit, which {@link #close} takes exclusively: a case
     *         closing at this moment is either seen closed or closes after the flags joined it.
     *         An advisory lock rather than a row lock: no row is written for it, and the
     *         process's own updates of the case (its status) do not wait for a batch of flags.
     */
    public Map<String, CaseRef> findOpenByListings(Collection<String[]> platformAndListingIds) {
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

    /** The cases of a listing, newest first (at most {@code limit}), and the open one if any. */
    public record ListingCases(List<String> caseNumbers, String openCase) {
    }

    public ListingCases ofListing(String platform, String listingId, int limit) {
        List<String[]> rows = jdbc.sql("""
                select case_number, closed_at is null from spot_case where platform = :platform and listing_id = :listing
                order by opened_at desc, id desc limit :limit""")
                .param("platform", platform).param("listing", listingId).param("limit", limit)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getBoolean(2) ? "open" : null}).list();
        return new ListingCases(rows.stream().map(r -> r[0]).toList(),
                rows.stream().filter(r -> r[1] != null).map(r -> r[0]).findFirst().orElse(null));
    }

    /** @return the state of each case, by number */
    public Map<String, CaseState> statesByNumber(Collection<String> caseNumbers) {
        Map<String, CaseState> found = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return found;
        }
        ArraySql.query(template, """
                select case_number, status, outcome, process_instance_id from spot_case where case_number = any(?::varchar[])""",
                (rs, i) -> found.put(rs.getString(1), new CaseState(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))), ArraySql.of("varchar", List.copyOf(caseNumbers)));
        return found;
    }

    /** @return the state of each case, by key */
    public Map<Long, CaseState> states(Collection<Long> casePks) {
        Map<Long, CaseState> found = new HashMap<>();
        ArraySql.query(template, """
                select id, case_number, status, outcome, process_instance_id from spot_case where id = any(?::int8[])""",
                (rs, i) -> found.put(rs.getLong(1), new CaseState(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))), ArraySql.of("int8", List.copyOf(casePks)));
        return found;
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

    public Optional<CaseRef> findByNumber(String caseNumber) {
        return jdbc.sql("select id as pk, case_number from spot_case where case_number = :number")
                .param("number", caseNumber).query(CaseRef.class).optional();
    }

    public CaseRef require(String caseNumber) {
        return findByNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /** @param processes process instance id by case pk */
    public void attachProcesses(Map<Long, String> processes) {
        ArraySql.update(template, """
                update spot_case c set process_instance_id = t.pi
                from unnest(?::int8[], ?::varchar[]) as t(id, pi) where c.id = t.id""",
                ArraySql.of("int8", List.copyOf(processes.keySet())),
                ArraySql.of("varchar", List.copyOf(processes.values())));
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

    /** Number, status and outcome as an API answer reports them. */
    public record CaseState(String caseNumber, String status, String outcome, String processInstanceId) {
    }

    // ---- what other capabilities ask of cases (they never read spot_case themselves)

    /** What a case is about: its listing and seller (keys of {@code listing.Listings} and {@code network.SellerNetwork}). */
    public record Subject(long pk, String caseNumber, long listingPk, long sellerPk, OffsetDateTime openedAt, String outcome) {
    }

    public Subject subject(long casePk) {
        return jdbc.sql("""
                select id as pk, case_number, listing_pk, seller_pk, opened_at, outcome from spot_case where id = :id""")
                .param("id", casePk).query(Subject.class).single();
    }

    /** The triage a case recorded (decision and priority are null before its first step). */
    public record Triage(String caseNumber, String decision, Integer priority, boolean exploration) {
    }

    /** @return the triage of each of these cases, by key */
    public Map<Long, Triage> triage(Collection<Long> casePks) {
        Map<Long, Triage> found = new HashMap<>();
        if (!casePks.isEmpty()) {
            ArraySql.query(template, """
                    select id, case_number, triage_decision, priority, exploration from spot_case where id = any(?::int8[])""",
                    (rs, i) -> found.put(rs.getLong(1), new Triage(rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getBoolean(5))), ArraySql.of("int8", List.copyOf(casePks)));
        }
        return found;
    }

    /** @return each seller's cases closed as counterfeit (its strikes), for the sellers that have any */
    public Map<Long, Integer> counterfeitCounts(Collection<Long> sellerPks) {
        Map<Long, Integer> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, """
                    select seller_pk, count(*) from spot_case
                    where seller_pk = any(?::int8[]) and outcome = 'COUNTERFEIT' group by seller_pk""",
                    (rs, i) -> found.put(rs.getLong(1), rs.getInt(2)), ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    /** @return those of these sellers that have an open case */
    public Set<Long> sellersWithOpenCases(Collection<Long> sellerPks) {
        return sellerPks.isEmpty() ? Set.of() : Set.copyOf(ArraySql.query(template, """
                select distinct seller_pk from spot_case where seller_pk = any(?::int8[]) and closed_at is null""",
                (rs, i) -> rs.getLong(1), ArraySql.of("int8", List.copyOf(sellerPks))));
    }

    /** @return those of these listings that have, or had, a case: a listing of a case stays with it */
    public Set<Long> listingsWithCases(Collection<Long> listingPks) {
        return listingPks.isEmpty() ? Set.of() : Set.copyOf(ArraySql.query(template, """
                select distinct listing_pk from spot_case where listing_pk = any(?::int8[])""",
                (rs, i) -> rs.getLong(1), ArraySql.of("int8", List.copyOf(listingPks))));
    }

    /** A case waiting in a queue (for a persona, for budget), with what its place in the release order rests on. */
    public record Waiting(long pk, String caseNumber, Integer priority, BigDecimal riskScore, OffsetDateTime openedAt) {
    }

    private static final String WAITING = "select id as pk, case_number, priority, risk_score, opened_at from spot_case";

    /** @return the open cases in {@code status}, first released first: priority, then risk, then age */
    public List<Waiting> waitingInReleaseOrder(CaseStatus status) {
        return jdbc.sql(WAITING + " where status = :status and closed_at is null"
                        + " order by priority, risk_score desc, opened_at, id")
                .param("status", status.name()).query(Waiting.class).list();
    }

    /** @return the open cases in {@code status} but {@code exceptPk}, last released first, at most {@code limit} */
    public List<Waiting> lastInReleaseOrder(CaseStatus status, long exceptPk, long limit) {
        return jdbc.sql(WAITING + " where status = :status and closed_at is null and id <> :except"
                        + " order by priority desc nulls first, risk_score asc nulls last, opened_at desc, id desc"
                        + " limit :limit")
                .param("status", status.name()).param("except", exceptPk).param("limit", limit)
                .query(Waiting.class).list();
    }

    public long countWaiting(CaseStatus status, long exceptPk) {
        return jdbc.sql("select count(*) from spot_case where status = :status and closed_at is null and id <> :except")
                .param("status", status.name()).param("except", exceptPk).query(Long.class).single();
    }

    public Waiting waiting(long casePk) {
        return jdbc.sql(WAITING + " where id = :id").param("id", casePk).query(Waiting.class).single();
    }

    public String caseNumberOf(long casePk) {
        return jdbc.sql("select case_number from spot_case where id = :id").param("id", casePk)
                .query(String.class).single();
    }
}
