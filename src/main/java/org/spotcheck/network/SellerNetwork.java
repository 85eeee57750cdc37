package org.spotcheck.network;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers sharing any identity key (hashed ID document, bank account, phone, dispatch or
 * return address) form one network. Networks merge as keys arrive: only the networks
 * that share a key with the seller at hand are touched, never a full recomputation, so
 * it stays cheap with millions of sellers.
 */
@Service
public class SellerNetwork {

    private static final long NETWORK_LOCK = 0x5907_4E37L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LockTimeout lockTimeout;

    SellerNetwork(JdbcClient jdbc, JdbcTemplate template, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.template = template;
        this.lockTimeout = lockTimeout;
    }

    /** An identity key of a seller, for {@link #addKeys}. */
    public record Key(long sellerPk, String type, String hash) {
    }

    /**
     * {@link #addKey} for a batch: one statement stores the keys; only keys new to their
     * seller and already held by another network lead to a merge (under the same lock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addKeys(List<Key> keys) {
        // Size: one locking protocol for a batch of keys: store, find the shared ones, merge under the lock
        List<Key> present = keys.stream().filter(k -> k.hash() != null && !k.hash().isBlank()).distinct()
                // one order for every batch, so concurrent batches cannot deadlock on the unique index
                .sorted(java.util.Comparator.comparing(Key::sellerPk).thenComparing(Key::type).thenComparing(Key::hash))
                .toList();
        if (present.isEmpty()) {
            return;
        }
        List<Key> added = ArraySql.query(template, """
                insert into seller_identity_key (seller_pk, key_type, key_hash)
                select s, t, h from unnest(?::int8[], ?::varchar[], ?::varchar[]) with ordinality as k(s, t, h, n)
                order by n
                on conflict (seller_pk, key_type, key_hash) do nothing
                returning seller_pk, key_type, key_hash""",
                (rs, i) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                ArraySql.of("int8", present.stream().map(Key::sellerPk).toList()),
                ArraySql.of("varchar", present.stream().map(Key::type).toList()),
                ArraySql.of("varchar", present.stream().map(Key::hash).toList()));
        if (added.isEmpty()) {
            return;
        }
        lockTimeout.bound();
        // a lock per new key (not one for all: batches of unrelated sellers run side by side), taken
        // after the insert and in one order: of two batches adding the same key, the second waits for
        // the first to commit and then sees its row, so the link is found by one of them
        ArraySql.query(template, """
                select pg_advisory_xact_lock(k) from (
                    select distinct hashtextextended(t || ':' || h, 0) as k
                    from unnest(?::varchar[], ?::varchar[]) as a(t, h) order by k) as keys""",
                (rs, i) -> null, ArraySql.of("varchar", added.stream().map(Key::type).toList()),
                ArraySql.of("varchar", added.stream().map(Key::hash).toList()));
        List<Key> linking = ArraySql.query(template, """
                select k.s, k.t, k.h from unnest(?::int8[], ?::varchar[], ?::varchar[]) as k(s, t, h)
                where exists (select 1 from seller_identity_key o join seller os on os.id = o.seller_pk
                              where o.key_type = k.t and o.key_hash = k.h
                                and os.network_id <> (select network_id from seller where id = k.s))""",
                (rs, i) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                ArraySql.of("int8", added.stream().map(Key::sellerPk).toList()),
                ArraySql.of("varchar", added.stream().map(Key::type).toList()),
                ArraySql.of("varchar", added.stream().map(Key::hash).toList()));
        linking.forEach(key -> merge(key.sellerPk(), key.type(), key.hash())); // merges take the network lock
    }

    /** Adds a key (idempotent) and merges the seller's network with every network holding it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addKey(long sellerPk, String keyType, String keyHash) {
        addKeys(List.of(new Key(sellerPk, keyType, keyHash))); // one locking protocol for one key and for many
    }

    private void merge(long sellerPk, String keyType, String keyHash) {
        // merges of overlapping networks must not interleave
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", NETWORK_LOCK).query().singleRow();
        List<Long> networks = jdbc.sql("""
                select distinct s.network_id from seller_identity_key k join seller s on s.id = k.seller_pk
                where k.key_type = :type and k.key_hash = :hash
                union select network_id from seller where id = :seller""")
                .param("type", keyType).param("hash", keyHash).param("seller", sellerPk).query(Long.class).list();
        if (networks.size() < 2) {
            return;
        }
        long target = networks.stream().min(Long::compare).orElseThrow();
        jdbc.sql("update seller set network_id = :target where network_id in (:networks) and network_id <> :target")
                .param("target", target).param("networks", networks).update();
    }

    // ---- sellers: the network owns table seller (and seller_identity_key); other capabilities ask here

    /** A seller as the platform names it. */
    public record SellerName(String platform, String sellerId) {
    }

    /** @return seller key by "platform:sellerId", created where missing (one order for every batch) */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> ensureSellers(Collection<SellerName> sellers) {
        // by "platform:sellerId", the order every node has always taken these rows' locks in
        List<SellerName> keys = sellers.stream().distinct()
                .sorted(Comparator.comparing((SellerName s) -> s.platform() + ":" + s.sellerId())).toList();
        Object platforms = ArraySql.of("varchar", keys.stream().map(SellerName::platform).toList());
        Object sellerIds = ArraySql.of("varchar", keys.stream().map(SellerName::sellerId).toList());
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

    /** @return each seller's name, by key */
    public Map<Long, SellerName> names(Collection<Long> sellerPks) {
        Map<Long, SellerName> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, "select id, platform, seller_id from seller where id = any(?::int8[])",
                    (rs, i) -> found.put(rs.getLong(1), new SellerName(rs.getString(2), rs.getString(3))),
                    ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    public SellerName name(long sellerPk) {
        return Optional.ofNullable(names(List.of(sellerPk)).get(sellerPk))
                .orElseThrow(() -> new IllegalStateException("No seller " + sellerPk));
    }

    /** @return each seller's genuine verdicts (its clean checks), by key */
    public Map<Long, Integer> cleanChecks(Collection<Long> sellerPks) {
        Map<Long, Integer> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, "select id, clean_checks from seller where id = any(?::int8[])",
                    (rs, i) -> found.put(rs.getLong(1), rs.getInt(2)), ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    /** An item of the seller's was verified genuine: its record improves. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCleanCheck(long sellerPk) {
        jdbc.sql("update seller set clean_checks = clean_checks + 1 where id = :id").param("id", sellerPk).update();
    }

    /** Bans the seller for good, and with it every identity key it holds (a shop registering with one is blocked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ban(long sellerPk) {
        jdbc.sql("update seller set banned_at = coalesce(banned_at, now()) where id = :seller")
                .param("seller", sellerPk).update();
        jdbc.sql("update seller_identity_key set banned = true where seller_pk = :seller")
                .param("seller", sellerPk).update();
    }

    /** The seller's network, and every seller in it (itself included, lowest key first). */
    public record Network(long id, List<Long> sellerPks) {
    }

    public Network networkOf(long sellerPk) {
        long network = jdbc.sql("select network_id from seller where id = :id").param("id", sellerPk)
                .query(Long.class).single();
        return new Network(network, jdbc.sql("select id from seller where network_id = :network order by id")
                .param("network", network).query(Long.class).list());
    }
}
