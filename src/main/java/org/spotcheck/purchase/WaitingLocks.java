package org.spotcheck.purchase;

import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The waiting queue's advisory locks, no table of their own (the waiting cases are
 * {@code spot_case}'s, asked of {@code cases.CaseRepository}): the queue's, taken to admit,
 * and one per waiting case, held while it is released, displaced or closed.
 */
@Repository
class WaitingLocks {

    private static final long QUEUE_LOCK = 0x5909_0E0EL;
    /** Two-key advisory locks, one per waiting case (hashtext of its number). */
    private static final int CASE_LOCK_SPACE = 0x5908;

    private final JdbcClient jdbc;
    private final LockTimeout lockTimeout;

    WaitingLocks(JdbcClient jdbc, LockTimeout lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    /** The budget queue's lock, until commit; the wait is bounded. */
    void lockQueue() {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", QUEUE_LOCK).query().singleRow();
    }

    /** @return false when another transaction holds the case */
    boolean tryHold(String caseNumber) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:space, hashtext(:case))")
                .param("space", CASE_LOCK_SPACE).param("case", caseNumber).query(Boolean.class).single();
    }

    /** The case's lock, until commit; the wait is bounded. */
    void hold(String caseNumber) {
        lockTimeout.bound();
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:case))")
                .param("space", CASE_LOCK_SPACE).param("case", caseNumber).query().singleRow();
    }
}
