package org.spotcheck.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.spotcheck.evidence.domain.CustodyHash;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained custody log. Appends take a PostgreSQL advisory lock so
 * the global chain stays a single line across nodes; the database itself refuses
 * UPDATE, DELETE and TRUNCATE on the table (V2 migration). The SQL is {@link CustodyStore}'s.
 */
@Component
public class CustodyLog {

    private final CustodyStore store;
    private final Clock clock;

    CustodyLog(CustodyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long evidencePk, String action, String actor, String details) {
        store.lock();
        String prevGlobal = store.lastHash().orElse(null);
        String prevItem = store.lastHashOf(evidencePk).orElse(null);
        // PostgreSQL keeps microseconds: hash exactly what will be stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = CustodyHash.of(new CustodyHash.Entry(0, evidencePk, action, actor, at, details, prevItem,
                prevGlobal, null));
        store.insert(new CustodyHash.Entry(0, evidencePk, action, actor, at, details, prevItem, prevGlobal, hash));
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        List<CustodyHash.Entry> entries = store.all();
        Long broken = CustodyHash.firstBroken(entries);
        return new Verification(broken == null, entries.size(), broken);
    }

    /** Result of recomputing every chain; {@code firstBrokenEntry} is null when all hold. */
    public record Verification(boolean intact, int entriesChecked, Long firstBrokenEntry) {
    }
}
