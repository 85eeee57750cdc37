package org.spotcheck.network;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers sharing any identity key (hashed ID document, bank account, phone, dispatch or
 * return address) form one network. Networks merge as keys arrive: only the networks
 * that share a key with the seller at hand are touched, never a full recomputation, so
 * it stays cheap with millions of sellers. The SQL is {@link SellerStore}'s.
 */
@Service
public class SellerNetwork {

    private final SellerStore store;

    SellerNetwork(SellerStore store) {
        this.store = store;
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
        List<Key> added = store.insertKeys(present);
        if (added.isEmpty()) {
            return;
        }
        // a lock per new key (not one for all: batches of unrelated sellers run side by side), taken
        // after the insert and in one order: of two batches adding the same key, the second waits for
        // the first to commit and then sees its row, so the link is found by one of them
        store.lockKeys(added);
        List<Key> linking = store.linking(added);
        linking.forEach(key -> merge(key.sellerPk(), key.type(), key.hash())); // merges take the network lock
    }

    /** Adds a key (idempotent) and merges the seller's network with every network holding it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addKey(long sellerPk, String keyType, String keyHash) {
        addKeys(List.of(new Key(sellerPk, keyType, keyHash))); // one locking protocol for one key and for many
    }

    private void merge(long sellerPk, String keyType, String keyHash) {
        // merges of overlapping networks must not interleave
        store.lockMerges();
        List<Long> networks = store.networksSharing(sellerPk, keyType, keyHash);
        if (networks.size() < 2) {
            return;
        }
        long target = networks.stream().min(Long::compare).orElseThrow();
        store.joinNetworks(target, networks);
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
        return store.ensure(keys);
    }

    /** @return each seller's name, by key */
    public Map<Long, SellerName> names(Collection<Long> sellerPks) {
        return store.names(sellerPks);
    }

    public SellerName name(long sellerPk) {
        return Optional.ofNullable(names(List.of(sellerPk)).get(sellerPk))
                .orElseThrow(() -> new IllegalStateException("No seller " + sellerPk));
    }

    /** @return each seller's genuine verdicts (its clean checks), by key */
    public Map<Long, Integer> cleanChecks(Collection<Long> sellerPks) {
        return store.cleanChecks(sellerPks);
    }

    /** An item of the seller's was verified genuine: its record improves. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCleanCheck(long sellerPk) {
        store.recordCleanCheck(sellerPk);
    }

    /** Bans the seller for good, and with it every identity key it holds (a shop registering with one is blocked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ban(long sellerPk) {
        store.ban(sellerPk);
    }

    /** Lifts a ban (an appeal reversed or reduced it): the seller and each of its identity keys may trade again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unban(long sellerPk) {
        store.unban(sellerPk);
    }

    /** The seller's network, and every seller in it (itself included, lowest key first). */
    public record Network(long id, List<Long> sellerPks) {
    }

    public Network networkOf(long sellerPk) {
        long network = store.networkOf(sellerPk);
        return new Network(network, store.sellersIn(network));
    }
}
