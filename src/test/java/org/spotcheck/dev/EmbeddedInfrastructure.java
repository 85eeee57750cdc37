package org.spotcheck.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real PostgreSQL (binaries shipped through Maven by io.zonky) and a real Kafka KRaft
 * broker, both in this JVM: dev mode and the integration tests need nothing installed.
 */
public final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    /** PostgreSQL keeping its data in {@code dataDirectory} across restarts, on a free port. */
    public static EmbeddedPostgres persistentPostgres(Path dataDirectory) {
        stopLeftoverPostmaster(dataDirectory);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    // the dev launcher stops PostgreSQL itself, after the application
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A dev instance killed hard leaves its PostgreSQL running on the data directory;
     * stop it (a fast shutdown, no data lost) so this start can take the directory over.
     */
    static void stopLeftoverPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            // after a reboot the pid may belong to anything: stop it only if it is a postgres
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(postmaster -> {
                System.out.println("Stopping PostgreSQL left running on " + dataDirectory + " (pid " + pid + ")");
                postmaster.destroy();
                try {
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("PostgreSQL pid " + pid + " holds " + dataDirectory
                            + " and does not stop; stop it, then start again", e);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            // unreadable pid file: PostgreSQL itself decides whether it is stale
        }
    }

    /** Throw-away PostgreSQL on a free port. */
    public static EmbeddedPostgres temporaryPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * Throw-away PostgreSQL set up as a production server would be, for benchmarks:
     * commits durable ({@code synchronous_commit=on}; io.zonky turns it off by default),
     * shared buffers and WAL sized for a long write-heavy run (README, Performance).
     */
    public static EmbeddedPostgres benchmarkPostgres() {
        return benchmarkPostgres(Map.of());
    }

    /** As {@link #benchmarkPostgres()}, with settings of a benchmark's own (e.g. pg_stat_statements to profile). */
    public static EmbeddedPostgres benchmarkPostgres(Map<String, String> extraSettings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_buffers", "2GB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("checkpoint_completion_target", "0.9");
            extraSettings.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * @param port fixed client port, or 0 for a free one
     */
    public static EmbeddedKafkaKraftBroker kafka(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        if (port > 0) {
            // kafkaPorts(..) is ignored by the KRaft broker; the listener property pins the port
            broker.brokerProperties(Map.of("listeners",
                    "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0"));
        }
        broker.afterPropertiesSet();
        return broker;
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }
}
