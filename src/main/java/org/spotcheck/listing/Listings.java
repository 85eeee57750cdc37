package org.spotcheck.listing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.listing.domain.Watch;
import org.springframework.stereotype.Service;

/**
 * The listings flagged on the platform, each with its watch record (how often and when it
 * was flagged lately, its last decision): intake keeps them up to date, every capability
 * that needs to know what a case's listing is asks here. Removed by {@link ListingPurge}.
 */
@Service
public class Listings {

    private final ListingStore store;

    Listings(ListingStore store) {
        this.store = store;
    }

    /** A listing on record: its key and its watch record. */
    public record Watched(long pk, Watch watch) {
    }

    /** What a flag says of a listing, its seller already on record. */
    public record Snapshot(String platform, String listingId, String shopId, long sellerPk, String title, String brand,
                           String category, BigDecimal priceCny, String url) {
    }

    /** A listing as its newest flag of a batch describes it, with its watch record after the batch. */
    public record Update(Snapshot listing, Watch watch) {
    }

    /** A listing as last flagged. */
    public record Facts(long pk, String platform, String listingId, String shopId, long sellerPk, String title,
                        String brand, String category, BigDecimal priceCny, String url) {

        /** {@code platform:listingId}, the key of the listing in topics and locks. */
        public String key() {
            return platform + ":" + listingId;
        }
    }

    /** @return the listings on record among these "platform:listingId" keys, with their watch records */
    public Map<String, Watched> watched(Collection<String> listingKeys) {
        return store.watched(listingKeys);
    }

    /**
     * Creates or refreshes each listing with what its newest flag says and its watch record
     * (the caller holds the listings' locks, so no other batch changed them since {@link #watched}).
     * @return listing key by "platform:listingId"
     */
    public Map<String, Long> store(Collection<Update> updates) {
        return store.store(updates);
    }

    public Optional<Facts> facts(long listingPk) {
        return Optional.ofNullable(store.facts(List.of(listingPk)).get(listingPk));
    }

    public Facts require(long listingPk) {
        return facts(listingPk).orElseThrow(() -> new IllegalStateException("No listing " + listingPk));
    }

    /** @return the listings on record among these keys, by key */
    public Map<Long, Facts> facts(Collection<Long> listingPks) {
        return store.facts(listingPks);
    }

    /** @return for each of these sellers with a listing on record, the listing it was flagged for last */
    public Map<Long, Facts> newestOfSellers(Collection<Long> sellerPks) {
        return store.newestOfSellers(sellerPks);
    }
}
