package org.spotcheck.db;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds the lock waits of a transaction that takes PostgreSQL advisory locks: called
 * before the lock, it sets {@code lock_timeout} for the rest of the transaction only
 * ({@code set_config(..., true)}, as {@code set local}), so the engine's and Flyway's own
 * transactions keep theirs. A wait beyond {@code spotcheck.db.lock-timeout} fails with
 * SQLSTATE 55P03, which is transient ({@link TransientFailures}): Kafka retries the
 * message, REST the request, the job executor the job. Never a hang.
 */
@Component
public class LockTimeout {

    private final JdbcClient jdbc;
    private final String timeout;

    LockTimeout(JdbcClient jdbc, @Value("${spotcheck.db.lock-timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout.toMillis() + "ms";
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bound() {
        jdbc.sql("select set_config('lock_timeout', :timeout, true)").param("timeout", timeout).query().singleRow();
    }
}
