package org.spotcheck.db;

import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that say "try again", not "this input is wrong": the database briefly away, a
 * deadlock, a serialization failure, a lock wait beyond {@code spotcheck.db.lock-timeout},
 * an optimistic-locking conflict in the engine. Kafka consumers retry them with back-off
 * instead of dead-lettering; REST requests retry them a few times ({@link TransientRetry}).
 */
public final class TransientFailures {

    /** serialization_failure, deadlock_detected, lock_not_available (lock_timeout) */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                return true;
            }
            // also when the engine (MyBatis) wraps the driver's exception untranslated
            if (t instanceof java.sql.SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
