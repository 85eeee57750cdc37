package org.spotcheck.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction of the test's own, on a connection of its own, that takes locks the
 * application then has to wait for: how a test lines up a race or a deadlock without
 * sleeping. {@link #awaitWaiters} sees who queues behind it.
 */
public final class HeldLocks implements AutoCloseable {

    private final Connection connection;

    private HeldLocks(Connection connection) {
        this.connection = connection;
    }

    public static HeldLocks begin(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new HeldLocks(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement in this transaction; it blocks while it waits for a lock. */
    public HeldLocks sql(String sql, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #sql} on another thread, for a statement that will wait. */
    public CompletableFuture<HeldLocks> sqlAsync(String sql, Object... params) {
        return CompletableFuture.supplyAsync(() -> sql(sql, params));
    }

    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until at least {@code count} sessions of the database wait for a lock (no timing assumption: it polls). */
    public static void awaitWaiters(JdbcClient jdbc, int count) {
        for (int i = 0; i < 3000; i++) {
            long waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single();
            if (waiting >= count) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("fewer than " + count + " sessions ever waited for a lock");
    }
}
