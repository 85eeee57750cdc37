package org.spotcheck.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.spotcheck.db.LockTimeout;
import org.spotcheck.evidence.domain.CustodyHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained custody log. Appends take a PostgreSQL advisory lock so
 * the global chain stays a single line across nodes; the database itself refuses
 * UPDATE, DELETE and TRUNCATE on the table (V2 migration).
 */
@Component
public class CustodyLog {

    private static final long CUSTODY_LOCK = 0x5907_C057L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LockTimeout lockTimeout;

    CustodyLog(JdbcClient jdbc, Clock clock, LockTimeout lockTimeout) {
        this.lockTimeout = lockTimeout;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long evidencePk, String action, String actor, String details) {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CUSTODY_LOCK).query().singleRow();
        String prevGlobal = jdbc.sql("select entry_hash from custody_entry order by id desc limit 1")
                .query(String.class).optional().orElse(null);
        String prevItem = jdbc.sql("select entry_hash from custody_entry where evidence_pk = :item order by id desc limit 1")
                .param("item", evidencePk).query(String.class).optional().orElse(null);
        // PostgreSQL keeps microseconds: hash exactly what will be stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = CustodyHash.of(new CustodyHash.Entry(0, evidencePk, action, actor, at, details, prevItem,
                prevGlobal, null));
        jdbc.sql("""
                insert into custody_entry (evidence_pk, action, actor, at, details, prev_item_hash, prev_global_hash, entry_hash)
                values (:item, :action, :actor, :at, :details, :prevItem, :prevGlobal, :hash)""")
                .param("item", evidencePk).param("action", action).param("actor", actor)
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).param("details", details)
                .param("prevItem", prevItem).param("prevGlobal", prevGlobal).param("hash", hash).update();
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        List<CustodyHash.Entry> entries = jdbc.sql("""
                select id, evidence_pk, action, actor, at, details, prev_item_hash, prev_global_hash, entry_hash
                from custody_entry order by id""")
                .query((rs, n) -> new CustodyHash.Entry(rs.getLong("id"), rs.getLong("evidence_pk"),
                        rs.getString("action"), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("details"),
                        rs.getString("prev_item_hash"), rs.getString("prev_global_hash"), rs.getString("entry_hash")))
                .list();
        Long broken = CustodyHash.firstBroken(entries);
        return new Verification(broken == null, entries.size(), broken);
    }

    /** Result of recomputing every chain; {@code firstBrokenEntry} is null when all hold. */
    public record Verification(boolean intact, int entriesChecked, Long firstBrokenEntry) {
    }
}
