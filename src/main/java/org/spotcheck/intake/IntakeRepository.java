package org.spotcheck.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.function.Function;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.platform.ArraySql;
import org.spotcheck.platform.LockTimeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Flags, listings and sellers, a batch at a time. Uniqueness lives in the database
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
     * Holds each flag id for this transaction (advisory locks, in one order for every
     * batch): of two transactions with the same flag id, the second waits here until the
     * first has committed, and then finds the flag on record.
     */
    void holdFlagIds(Collection<String> flagIds) {
        lockTimeout.bound();
        ArraySql.query(template, """
                select pg_advisory_xact_lock(%d, k) from (
                    select distinct hashtext(f) as k from unnest(?::varchar[]) as a(f) order by k) as ids"""
                .formatted(FLAG_LOCKS), (rs, i) -> null, ArraySql.of("varchar", List.copyOf(flagIds)));
    }

    // the two-key form of advisory locks: a space of their own, apart from the identity key locks
    static final int FLAG_LOCKS = 0x464C4147;

    /** A new flag of a batch, with its stored JSON and the case it opened or joined. */
    record StoredFlag(NewFlag flag, String payloadJson, long casePk, boolean merged) {
    }

    /** Stores new flags (their ids held by {@link #holdFlagIds} and not on record), each written once, with its case. */
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
                column("varchar", sorted, f -> f.flag().flagId()), column("int8", sorted, StoredFlag::casePk),
                column("bool", sorted, StoredFlag::merged), column("varchar", sorted, f -> f.flag().source().name()),
                column("numeric", sorted, f -> f.flag().signals().riskScore()),
                column("int4", sorted, f -> f.flag().signals().disputeCount()),
                column("numeric", sorted, f -> f.flag().signals().avgRating()),
                column("int4", sorted, f -> f.flag().signals().ratingCount()),
                column("numeric", sorted, f -> f.flag().signals().msrpCny()),
                column("int4", sorted, f -> f.flag().signals().salesCount()),
                column("text", sorted, StoredFlag::payloadJson));
    }

    /** @return receipts of flags received before, by flag id */
    Map<String, FlagReceipt> findFlags(List<String> flagIds) {
        Map<String, FlagReceipt> found = new HashMap<>();
        ArraySql.query(template, """
                select f.flag_id, c.id, c.case_number, f.merged
                from flag f join spot_case c on c.id = f.case_pk where f.flag_id = any(?::varchar[])""",
                (rs, i) -> found.put(rs.getString(1), new FlagReceipt(rs.getLong(2), rs.getString(3), rs.getBoolean(4))),
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

    /**
     * Creates or refreshes each listing with what its newest flag says (one flag per
     * listing here: the caller keeps the newest).
     * @return listing key by "platform:listingId"
     */
    Map<String, Long> listings(Collection<NewFlag.Listing> newest, Map<String, Long> sellers) {
        List<NewFlag.Listing> sorted = newest.stream()
                .sorted(Comparator.comparing(NewFlag.Listing::platform).thenComparing(NewFlag.Listing::listingId)).toList();
        Map<String, Long> found = new HashMap<>();
        ArraySql.query(template, """
                insert into listing (platform, listing_id, shop_id, seller_pk, title, brand, category, price_cny, url)
                select p, l, sh, se, ti, b, c, pr, u
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::numeric[], ?::varchar[]) with ordinality as t(p, l, sh, se, ti, b, c, pr, u, n)
                order by n
                on conflict (platform, listing_id) do update
                   set shop_id = excluded.shop_id, seller_pk = excluded.seller_pk, title = excluded.title,
                       brand = excluded.brand, category = excluded.category, price_cny = excluded.price_cny,
                       url = excluded.url, updated_at = now()
                returning id, platform, listing_id""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)),
                column("varchar", sorted, NewFlag.Listing::platform), column("varchar", sorted, NewFlag.Listing::listingId),
                column("varchar", sorted, NewFlag.Listing::shopId),
                column("int8", sorted, l -> sellers.get(l.platform() + ":" + l.sellerId())),
                column("varchar", sorted, NewFlag.Listing::title), column("varchar", sorted, NewFlag.Listing::brand),
                column("varchar", sorted, l -> l.category().name()), column("numeric", sorted, NewFlag.Listing::priceCny),
                column("varchar", sorted, NewFlag.Listing::url));
        return found;
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

    private static <T> ArraySql.Column column(String type, List<T> rows, Function<T, ?> value) {
        return ArraySql.of(type, rows.stream().map(value).map(v -> (Object) v).collect(ArrayList::new, ArrayList::add,
                ArrayList::addAll));
    }

    record FlagReceipt(long casePk, String caseNumber, boolean merged) {
    }
}
