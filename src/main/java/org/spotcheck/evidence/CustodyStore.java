package org.spotcheck.evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.spotcheck.db.LockTimeout;
import org.spotcheck.evidence.domain.CustodyHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code custody_entry} and the lock that keeps its global chain one line: the statements of {@link CustodyLog}. */
@Repository
class CustodyStore {

    private static final long CUSTODY_LOCK = 0x5907_C057L;

    private final JdbcClient jdbc;
    private final LockTimeout lockTimeout;

    CustodyStore(JdbcClient jdbc, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    /** The one lock of all appends, across nodes, until commit; the wait is bounded. */
    void lock() {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CUSTODY_LOCK).query().singleRow();
    }

    /** The hash of the newest entry of all, if any. */
    Optional<String> lastHash() {
        return jdbc.sql("select entry_hash from custody_entry order by id desc limit 1").query(String.class).optional();
    }

    /** The hash of the item's newest entry, if any. */
    Optional<String> lastHashOf(long evidencePk) {
        return jdbc.sql("select entry_hash from custody_entry where evidence_pk = :item order by id desc limit 1")
                .param("item", evidencePk).query(String.class).optional();
    }

    /** Stores the entry (its id is the table's to give). */
    void insert(CustodyHash.Entry entry) {
        jdbc.sql("""
                insert into custody_entry (evidence_pk, action, actor, at, details, prev_item_hash, prev_global_hash, entry_hash)
                values (:item, :action, :actor, :at, :details, :prevItem, :prevGlobal, :hash)""")
                .param("item", entry.evidenceId()).param("action", entry.action()).param("actor", entry.actor())
                .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC)).param("details", entry.details())
                .param("prevItem", entry.prevItemHash()).param("prevGlobal", entry.prevGlobalHash())
                .param("hash", entry.entryHash()).update();
    }

    /** Every entry, oldest first. */
    List<CustodyHash.Entry> all() {
        return jdbc.sql("""
                select id, evidence_pk, action, actor, at, details, prev_item_hash, prev_global_hash, entry_hash
                from custody_entry order by id""")
                .query((rs, n) -> new CustodyHash.Entry(rs.getLong("id"), rs.getLong("evidence_pk"),
                        rs.getString("action"), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("details"),
                        rs.getString("prev_item_hash"), rs.getString("prev_global_hash"), rs.getString("entry_hash")))
                .list();
    }
}
