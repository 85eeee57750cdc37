package org.spotcheck.network;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code seller} and {@code seller_identity_key}, and the locks that keep merges of
 * networks apart: every statement of {@link SellerNetwork}.
 */
@Repository
class SellerStore {

    private static final long NETWORK_LOCK = 0x5907_4E37L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LockTimeout lockTimeout;

    SellerStore(JdbcClient jdbc, JdbcTemplate template, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.template = template;
        this.lockTimeout = lockTimeout;
    }

    // ---- identity keys and networks

    /** Stores the keys in list order. @return those new to their seller */
    List<SellerNetwork.Key> insertKeys(List<SellerNetwork.Key> keys) {
        return ArraySql.query(template, """
                insert into seller_identity_key (seller_pk, key_type, key_hash)
                select s, t, h from unnest(?::int8[], ?::varchar[], ?::varchar[]) with ordinality as k(s, t, h, n)
                order by n
                on conflict (seller_pk, key_type, key_hash) do nothing
                returning seller_pk, key_type, key_hash""",
                (rs, i) -> new SellerNetwork.Key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                ArraySql.of("int8", keys.stream().map(SellerNetwork.Key::sellerPk).toList()),
                ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::type).toList()),
                ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::hash).toList()));
    }

    /** A lock per key (its type and hash, whoever holds it), taken in one order, until commit; the wait is bounded. */
    void lockKeys(List<SellerNetwork.Key> keys) {
        lockTimeout.bound();
        ArraySql.query(template, """
                select pg_advisory_xact_lock(k) from (
                    select distinct hashtextextended(t || ':' || h, 0) as k
                    from unnest(?::varchar[], ?::varchar[]) as a(t, h) order by k) as keys""",
                (rs, i) -> null, ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::type).toList()),
                ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::hash).toList()));
    }

    /** @return those of these keys held by a seller of another network than their own seller's */
    List<SellerNetwork.Key> linking(List<SellerNetwork.Key> keys) {
        return ArraySql.query(template, """
                select k.s, k.t, k.h from unnest(?::int8[], ?::varchar[], ?::varchar[]) as k(s, t, h)
                where exists (select 1 from seller_identity_key o join seller os on os.id = o.seller_pk
                              where o.key_type = k.t and o.key_hash = k.h
                                and os.network_id <> (select network_id from seller where id = k.s))""",
                (rs, i) -> new SellerNetwork.Key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                ArraySql.of("int8", keys.stream().map(SellerNetwork.Key::sellerPk).toList()),
                ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::type).toList()),
                ArraySql.of("varchar", keys.stream().map(SellerNetwork.Key::hash).toList()));
    }

    /** The one lock of all merges, until commit. */
    void lockMerges() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", NETWORK_LOCK).query().singleRow();
    }

    /** @return the networks of the sellers holding this key, and the seller's own */
    List<Long> networksSharing(long sellerPk, String keyType, String keyHash) {
        return jdbc.sql("""
                select distinct s.network_id from seller_identity_key k join seller s on s.id = k.seller_pk
                where k.key_type = :type and k.key_hash = :hash
                union select network_id from seller where id = :seller""")
                .param("type", keyType).param("hash", keyHash).param("seller", sellerPk).query(Long.class).list();
    }

    /** Moves every seller of these networks into {@code target}. */
    void joinNetworks(long target, List<Long> networks) {
        jdbc.sql("update seller set network_id = :target where network_id in (:networks) and network_id <> :target")
                .param("target", target).param("networks", networks).update();
    }

    long networkOf(long sellerPk) {
        return jdbc.sql("select network_id from seller where id = :id").param("id", sellerPk)
                .query(Long.class).single();
    }

    /** @return the sellers of the network, lowest key first */
    List<Long> sellersIn(long network) {
        return jdbc.sql("select id from seller where network_id = :network order by id")
                .param("network", network).query(Long.class).list();
    }

    // ---- sellers

    /** Creates the sellers missing, in list order. @return seller key by "platform:sellerId" */
    Map<String, Long> ensure(List<SellerNetwork.SellerName> sellers) {
        Object platforms = ArraySql.of("varchar", sellers.stream().map(SellerNetwork.SellerName::platform).toList());
        Object sellerIds = ArraySql.of("varchar", sellers.stream().map(SellerNetwork.SellerName::sellerId).toList());
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

    Map<Long, SellerNetwork.SellerName> names(Collection<Long> sellerPks) {
        Map<Long, SellerNetwork.SellerName> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, "select id, platform, seller_id from seller where id = any(?::int8[])",
                    (rs, i) -> found.put(rs.getLong(1), new SellerNetwork.SellerName(rs.getString(2), rs.getString(3))),
                    ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    Map<Long, Integer> cleanChecks(Collection<Long> sellerPks) {
        Map<Long, Integer> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, "select id, clean_checks from seller where id = any(?::int8[])",
                    (rs, i) -> found.put(rs.getLong(1), rs.getInt(2)), ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    void recordCleanCheck(long sellerPk) {
        jdbc.sql("update seller set clean_checks = clean_checks + 1 where id = :id").param("id", sellerPk).update();
    }

    /** Bans the seller and every identity key it holds. */
    void ban(long sellerPk) {
        jdbc.sql("update seller set banned_at = coalesce(banned_at, now()) where id = :seller")
                .param("seller", sellerPk).update();
        jdbc.sql("update seller_identity_key set banned = true where seller_pk = :seller")
                .param("seller", sellerPk).update();
    }

    void unban(long sellerPk) {
        jdbc.sql("update seller set banned_at = null where id = :seller").param("seller", sellerPk).update();
        jdbc.sql("update seller_identity_key set banned = false where seller_pk = :seller and banned")
                .param("seller", sellerPk).update();
    }
}
