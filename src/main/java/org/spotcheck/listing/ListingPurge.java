package org.spotcheck.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.cases.CaseRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifecycle of {@code listing}: a listing not flagged for the flag retention (180 days) and
 * never in a case is removed, with its watch record; its flags are gone by then. A listing
 * of a case stays with the case. The purge walks the table by primary key, a range of
 * 10,000 ids per transaction and a bounded number of ranges per run, from where the last run
 * stopped (table {@code purge_cursor}), wrapping round at the end: no run scans the table
 * or deletes in a storm. The SQL is {@link ListingStore}'s.
 */
@Component
public class ListingPurge {

    static final String PURGE = "listing";
    static final int RANGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ListingPurge.class);

    private final ListingStore store;
    private final CaseRepository cases;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retention;
    private final int rangesPerRun;

    ListingPurge(ListingStore store, CaseRepository cases, TransactionTemplate tx, Clock clock,
                 @Value("${spotcheck.retention.flags}") Duration retention,
                 @Value("${spotcheck.retention.listing-ranges-per-run:100}") int rangesPerRun) {
        this.store = store;
        this.cases = cases;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
        this.rangesPerRun = rangesPerRun;
    }

    @Scheduled(cron = "${spotcheck.retention.flags-cron}")
    void scheduled() {
        purge();
    }

    /** @return listings removed in this run */
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = 0;
        for (int i = 0; i < rangesPerRun; i++) {
            Integer batch = tx.execute(status -> purgeRange(cutoff));
            if (batch == null || batch < 0) {
                break;
            }
            removed += batch;
        }
        if (removed > 0) {
            log.info("Removed {} listings not flagged for {} days and in no case", removed, retention.toDays());
        }
        return removed;
    }

    /** @return listings removed from the next range, or -1 once the walk wrapped round (the run ends there) */
    private int purgeRange(Instant cutoff) {
        Optional<Long> cursor = store.lockPurgeCursor(PURGE);
        if (cursor.isEmpty()) {
            return -1; // another node is purging
        }
        long from = cursor.get();
        long end = store.maxId();
        if (from >= end) {
            store.movePurgeCursor(PURGE, 0);
            return -1;
        }
        long to = from + RANGE;
        List<Long> stale = store.staleIn(from, to, cutoff);
        Set<Long> keep = cases.listingsWithCases(stale);
        List<Long> gone = stale.stream().filter(id -> !keep.contains(id)).toList();
        // no lock of intake's is needed: a listing intake flags meanwhile (a case opens only for a listing flagged
        // now) is either updated first (its new last_flagged_at fails the delete's recheck) or inserted anew after
        // the delete, watch record and all
        int removed = gone.isEmpty() ? 0 : store.deleteStale(gone, cutoff);
        store.movePurgeCursor(PURGE, to);
        return removed;
    }
}
