package org.spotcheck.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.intake.domain.Watch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Flags of cases, listings with their watch records, and sellers, a batch at a time. Uniqueness lives in the database
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

    /** A listing on record: its key and its watch record. */
    record Watched(long pk, Watch watch) {
    }

    /** @return the listings on record among these "platform:listingId" keys, with their watch records */
    Map<String, Watched> watched(Collection<String> listingKeys) {
        List<String[]> keys = listingKeys.stream().map(k -> k.split(":", 2)).toList();
        Map<String, Watched> found = new HashMap<>();
        ArraySql.query(template, """
                select l.id, l.platform, l.listing_id, l.flag_days, l.flag_day_counts, l.first_flagged_at,
                       l.last_flagged_at, l.last_decision
                from listing l join unnest(?::varchar[], ?::varchar[]) as t(p, i) on l.platform = t.p and l.listing_id = t.i""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), new Watched(rs.getLong(1), new Watch(
                        days(rs.getArray(4)), counts(rs.getArray(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getString(8)))),
                ArraySql.of("varchar", keys.stream().map(k -> k[0]).toList()),
                ArraySql.of("varchar", keys.stream().map(k -> k[1]).toList()));
        return found;
    }

    private static List<LocalDate> days(java.sql.Array array) throws java.sql.SQLException {
        return java.util.Arrays.stream((Object[]) array.getArray()).map(d -> ((java.sql.Date) d).toLocalDate()).toList();
    }

    private static List<Integer> counts(java.sql.Array array) throws java.sql.SQLException {
        return java.util.Arrays.stream((Object[]) array.getArray()).map(n -> ((Number) n).intValue()).toList();
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

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
    Map<String, CaseFlag> caseFlags(List<String> flagIds) {
        Map<String, CaseFlag> found = new HashMap<>();
        if (flagIds.isEmpty()) {
            return found;
        }
        ArraySql.query(template, """
                select f.flag_id, c.case_number, f.merged, c.triage_decision, c.priority, c.exploration
                from flag f join spot_case c on c.id = f.case_pk where f.flag_id = any(?::varchar[])""",
                (rs, i) -> found.put(rs.getString(1), new CaseFlag(rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        (Integer) rs.getObject(5), rs.getBoolean(6))),
                ArraySql.of("varchar", flagIds));
        return found;
    }

    /** @return seller key by "platform:sellerId", created where missing */
    Map<String, Long> sellers(Collection<NewFlag.Listing> listings) {
        List<String[]> keys = listings.stream().map(l -> new String[] {l.platform(), l.sellerId()})
                .collect(java.util.stream.Collectors.toMap(k -> k[0] + ":" + k[1], k -> k, (a, b) -> a, TreeMap::new))
                .values().stream().toList();
        Object platforms = ArraySql.of("varchar", keys.stream().map(k -> k[0]).toList());
        Object sellerIds = ArraySql.of("varchar", keys.stream().map(k -> k[1]).toList());
        ArraySql.update(template, """
                insert into seller (platform, seller_id)
                select p, s from unnest(?::varchar[], ?::varchar[]) with ordinality as t(p, s, n) order by n
                on conflict (platform, seller_id) do nothing""", platforms, sellerIds);
        Map<String, Long> found = new HashMap<>();
        ArraySql.query(template, """
                select s.id, s.platform, s.seller_id from seller s
                join unnest(?::varchar[], ?::varchar[]) as t(p, s) on s.platform = t.p and s.seller_id = t.s""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)), platforms, sellerIds);
        return found;
    }

    /** A listing as its newest flag of the batch describes it, with its watch record after the batch. */
    record ListingUpdate(NewFlag.Listing listing, Watch watch) {
    }

    /**
     * Creates or refreshes each listing, with what its newest flag says and its watch record
     * (held by {@link #hold}, so no other batch changed it since {@link #watched}).
     * @return listing key by "platform:listingId"
     */
    Map<String, Long> listings(Collection<ListingUpdate> updates, Map<String, Long> sellers) {
        List<ListingUpdate> sorted = updates.stream().sorted(Comparator.comparing((ListingUpdate u) -> u.listing().platform())
                .thenComparing(u -> u.listing().listingId())).toList();
        Map<String, Long> found = new HashMap<>();
        ArraySql.query(template, """
                insert into listing (platform, listing_id, shop_id, seller_pk, title, brand, category, price_cny, url,
                                     flag_days, flag_day_counts, first_flagged_at, last_flagged_at, last_decision)
                select p, l, sh, se, ti, b, c, pr, u, cast(fd as date[]), cast(fc as int4[]), ff, lf, ld
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::numeric[], ?::varchar[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                            ?::varchar[]) with ordinality as t(p, l, sh, se, ti, b, c, pr, u, fd, fc, ff, lf, ld, n)
                order by n
                on conflict (platform, listing_id) do update
                   set shop_id = excluded.shop_id, seller_pk = excluded.seller_pk, title = excluded.title,
                       brand = excluded.brand, category = excluded.category, price_cny = excluded.price_cny,
                       url = excluded.url, updated_at = now(), flag_days = excluded.flag_days,
                       flag_day_counts = excluded.flag_day_counts, first_flagged_at = excluded.first_flagged_at,
                       last_flagged_at = excluded.last_flagged_at, last_decision = excluded.last_decision
                returning id, platform, listing_id""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)),
                ArraySql.of("varchar", sorted, u -> u.listing().platform()), ArraySql.of("varchar", sorted, u -> u.listing().listingId()),
                ArraySql.of("varchar", sorted, u -> u.listing().shopId()),
                ArraySql.of("int8", sorted, u -> sellers.get(u.listing().platform() + ":" + u.listing().sellerId())),
                ArraySql.of("varchar", sorted, u -> u.listing().title()), ArraySql.of("varchar", sorted, u -> u.listing().brand()),
                ArraySql.of("varchar", sorted, u -> u.listing().category().name()),
                ArraySql.of("numeric", sorted, u -> u.listing().priceCny()), ArraySql.of("varchar", sorted, u -> u.listing().url()),
                ArraySql.of("text", sorted, u -> literal(u.watch().days())), ArraySql.of("text", sorted, u -> literal(u.watch().counts())),
                ArraySql.of("timestamptz", sorted, u -> java.sql.Timestamp.from(u.watch().firstFlaggedAt())),
                ArraySql.of("timestamptz", sorted, u -> java.sql.Timestamp.from(u.watch().lastFlaggedAt())),
                ArraySql.of("varchar", sorted, u -> u.watch().lastDecision()));
        return found;
    }

    /** A PostgreSQL array literal of plain values (dates, numbers), e.g. {@code {2026-12-01,2026-12-02}}. */
    private static String literal(List<?> values) {
        return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A seller's record as triage weighs it. */
    record SellerRecord(int priorStrikes, int cleanChecks) {
    }

    Map<Long, SellerRecord> sellerRecords(Collection<Long> sellerPks) {
        Map<Long, SellerRecord> found = new HashMap<>();
        ArraySql.query(template, """
                select s.id, s.clean_checks,
                       (select count(*) from spot_case c where c.seller_pk = s.id and c.outcome = 'COUNTERFEIT')
                from seller s where s.id = any(?::int8[])""",
                (rs, i) -> found.put(rs.getLong(1), new SellerRecord(rs.getInt(3), rs.getInt(2))),
                ArraySql.of("int8", List.copyOf(sellerPks)));
        return found;
    }

    /** A flag of a case: the case, and the decision the case was triaged with (null for a flag that joined it). */
    record CaseFlag(String caseNumber, boolean merged, String decision, Integer priority, boolean exploration) {
    }
}
