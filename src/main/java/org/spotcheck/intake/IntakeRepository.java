package org.spotcheck.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.spotcheck.intake.domain.NewFlag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Flags of cases, a batch at a time, and the locks a batch holds. Uniqueness lives in the database
 * (constraints with ON CONFLICT, advisory locks on flag ids), so concurrent batches on
 * several nodes agree; rows go in and locks are taken sorted by their natural key, so
 * two batches never wait for each other in a cycle.
 */
@Repository
class IntakeRepository {

    private final JdbcTemplate template;
    private final LockTimeout lockTimeout;

    IntakeRepository(JdbcTemplate template, LockTimeout lockTimeout) {
        this.template = template;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Holds each flag id and then each listing for this transaction (advisory locks, in one
     * order for every batch, so never in a cycle). Of two transactions with the same flag id,
     * the second waits here until the first has committed, and then finds the flag on record;
     * of two with flags for one listing, the second reads the listing's watch record (and its
     * open case) as the first left it, so counts and merges are never lost between nodes.
     */
    void hold(Collection<String> flagIds, Collection<String> listingKeys) {
        lockTimeout.bound();
        lock(FLAG_LOCKS, flagIds);
        lock(LISTING_LOCKS, listingKeys);
    }

    private void lock(int space, Collection<String> keys) {
        ArraySql.query(template, """
                select pg_advisory_xact_lock(%d, k) from (
                    select distinct hashtext(f) as k from unnest(?::varchar[]) as a(f) order by k) as ids"""
                .formatted(space), (rs, i) -> null, ArraySql.of("varchar", List.copyOf(keys)));
    }

    // the two-key form of advisory locks: spaces of their own, apart from the identity key locks
    static final int FLAG_LOCKS = 0x464C4147;
    static final int LISTING_LOCKS = 0x4C495354;

    /** A new flag of a batch, with its stored JSON and the case it opened or joined. */
    record StoredFlag(NewFlag flag, String payloadJson, long casePk, boolean merged) {
    }

    /** Stores new flags (their ids held by {@link #hold} and not on record), each written once, with its case. */
    void insertFlags(List<StoredFlag> flags, String receivedBy) {
        if (flags.isEmpty()) {
            return;
        }
        List<StoredFlag> sorted = flags.stream().sorted(Comparator.comparing(f -> f.flag().flagId())).toList();
        ArraySql.update(template, """
                insert into flag (flag_id, case_pk, merged, source, risk_score, dispute_count, avg_rating, rating_count,
                                  msrp_cny, sales_count, received_by, payload)
                select f, c, m, s, r, d, a, rc, ms, sc, ?, cast(p as json)
                from unnest(?::varchar[], ?::int8[], ?::bool[], ?::varchar[], ?::numeric[], ?::int4[], ?::numeric[],
                            ?::int4[], ?::numeric[], ?::int4[], ?::text[])
                     with ordinality as t(f, c, m, s, r, d, a, rc, ms, sc, p, n)
                order by n""", receivedBy,
                ArraySql.of("varchar", sorted, f -> f.flag().flagId()), ArraySql.of("int8", sorted, StoredFlag::casePk),
                ArraySql.of("bool", sorted, StoredFlag::merged), ArraySql.of("varchar", sorted, f -> f.flag().source().name()),
                ArraySql.of("numeric", sorted, f -> f.flag().signals().riskScore()),
                ArraySql.of("int4", sorted, f -> f.flag().signals().disputeCount()),
                ArraySql.of("numeric", sorted, f -> f.flag().signals().avgRating()),
                ArraySql.of("int4", sorted, f -> f.flag().signals().ratingCount()),
                ArraySql.of("numeric", sorted, f -> f.flag().signals().msrpCny()),
                ArraySql.of("int4", sorted, f -> f.flag().signals().salesCount()),
                ArraySql.of("text", sorted, StoredFlag::payloadJson));
    }

    /**
     * @return the flags of cases on record among these ids, by flag id: flags that opened or
     *         joined a case, kept with it beyond the flag retention, and flags received before
     *         flags became signals (each then opened a case, closed at once when triaged low-risk)
     */
    Map<String, OfCase> caseFlags(Collection<String> flagIds) {
        Map<String, OfCase> found = new HashMap<>();
        if (flagIds.isEmpty()) {
            return found;
        }
        ArraySql.query(template, "select flag_id, case_pk, merged from flag where flag_id = any(?::varchar[])",
                (rs, i) -> found.put(rs.getString(1), new OfCase(rs.getLong(2), rs.getBoolean(3))),
                ArraySql.of("varchar", List.copyOf(flagIds)));
        return found;
    }

    /** A flag of a case as received, with its case. */
    record StoredCaseFlag(java.time.Instant receivedAt, String payload, long casePk, boolean merged) {
    }

    java.util.Optional<StoredCaseFlag> caseFlag(String flagId) {
        return ArraySql.query(template, """
                select received_at, payload::text, case_pk, merged from flag where flag_id = ?""",
                (rs, i) -> new StoredCaseFlag(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
                        rs.getBoolean(4)), flagId).stream().findFirst();
    }

    /** A flag of a case as stored: the case it opened or (merged) joined. */
    record OfCase(long casePk, boolean merged) {
    }

    /** A seller's record as triage weighs it. */
    record SellerRecord(int priorStrikes, int cleanChecks) {
    }

    /** A flag of a case: the case, and the decision the case was triaged with (null for a flag that joined it). */
    record CaseFlag(String caseNumber, boolean merged, String decision, Integer priority, boolean exploration) {
    }
}
