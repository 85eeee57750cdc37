package org.spotcheck.network;

import java.util.List;
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

    /** Every seller of the seller's network, itself included. */
}
