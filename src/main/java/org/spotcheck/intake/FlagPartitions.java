package org.spotcheck.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.triage.ExplorationBudget;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifecycle of {@code flag_signal}: one partition per day (UTC), made a few days ahead and,
 * should a day still lack one, by the first batch of that day; a partition is dropped whole
 * once its day is past {@code spotcheck.retention.flags} (180 days). Dropping a day is a
 * detach and a DROP TABLE: no DELETE, no dead rows, no vacuum. The flags of cases are kept
 * with their case (table {@code flag}), so dropping a day loses none of them.
 */
@Component
class FlagPartitions {

    private static final Logger log = LoggerFactory.getLogger(FlagPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long PARTITION_LOCK = 0x464C_5041_5254L;
    /** Days made ahead of today. */
    static final int AHEAD = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration retention;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();
    private final ExplorationBudget exploration;

    FlagPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                   @Value("${spotcheck.retention.flags}") Duration retention, ExplorationBudget exploration) {
        this.jdbc = jdbc;
        this.exploration = exploration;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.retention = retention;
    }

    /** At start-up (intake makes today's itself, should a batch come first). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void atStart() {
        try {
            maintain();
        } catch (RuntimeException e) {
            log.warn("Flag partitions not maintained at start-up; the hourly run tries again: {}", e.toString());
        }
    }

    /** Hourly: the next days' partitions exist, the expired ones are gone. */
    @Scheduled(cron = "${spotcheck.retention.flags-cron}")
    void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; i <= AHEAD; i++) {
            ensure(today.plusDays(i));
        }
        dropBefore(firstRetainedDay(today));
        exploration.forgetBefore(firstRetainedDay(today)); // a day's exploration spend goes with its flags
    }

    /** The oldest day whose flags are kept on {@code today}. */
    LocalDate firstRetainedDay(LocalDate today) {
        return today.minusDays(retention.toDays() - 1);
    }

    /**
     * Makes the day's partition unless it exists, in a transaction of its own: a separate table
     * attached to the parent, which takes a lock that batches writing other days do not wait for.
     */
    void ensure(LocalDate day) {
        if (known.contains(day)) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            // bounded: a detach under way elsewhere waits for transactions this one must not wait behind for long
            jdbc.execute("set local lock_timeout = '5s'");
            jdbc.queryForList("select pg_advisory_xact_lock(?)", PARTITION_LOCK);
            String name = name(day);
            Boolean exists = jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name);
            if (!Boolean.TRUE.equals(exists)) {
                jdbc.execute("create table " + name + " (like flag_signal including defaults including constraints)");
                jdbc.execute("alter table flag_signal attach partition " + name + " for values from ('" + day
                        + "') to ('" + day.plusDays(1) + "')");
                log.info("Made flag partition {}", name);
            }
        });
        known.add(day);
    }

    /**
     * Drops the partitions of days before {@code keepFrom}, on one node at a time (a session lock
     * on one connection, as DETACH CONCURRENTLY runs outside a transaction). @return the days dropped
     */
    List<LocalDate> dropBefore(LocalDate keepFrom) {
        List<LocalDate> dropped = jdbc.execute((java.sql.Connection c) -> {
            java.util.List<LocalDate> days = new java.util.ArrayList<>();
            try (java.sql.Statement s = c.createStatement()) {
                try (java.sql.ResultSet lock = s.executeQuery("select pg_try_advisory_lock(" + PARTITION_LOCK + ")")) {
                    lock.next();
                    if (!lock.getBoolean(1)) {
                        return days; // another node is at it
                    }
                }
                try {
                    for (String partition : expired(c, keepFrom)) {
                        try {
                            boolean pending;
                            try (java.sql.ResultSet r = s.executeQuery("select inhdetachpending from pg_inherits "
                                    + "where inhrelid = to_regclass('" + partition + "')")) {
                                pending = r.next() && r.getBoolean(1);
                            }
                            // CONCURRENTLY: batches go on writing today's partition meanwhile
                            s.execute("alter table flag_signal detach partition " + partition
                                    + (pending ? " finalize" : " concurrently"));
                            s.execute("drop table if exists " + partition);
                            days.add(LocalDate.parse(partition.substring(partition.lastIndexOf('_') + 1), SUFFIX));
                            log.info("Dropped flag partition {} (older than {} days)", partition, retention.toDays());
                        } catch (java.sql.SQLException e) {
                            log.warn("Flag partition {} not dropped now, next run tries again: {}", partition, e.toString());
                        }
                    }
                } finally {
                    s.execute("select pg_advisory_unlock(" + PARTITION_LOCK + ")");
                }
            }
            return days;
        });
        known.removeIf(day -> day.isBefore(keepFrom));
        return dropped;
    }

    private static List<String> expired(java.sql.Connection c, LocalDate keepFrom) throws java.sql.SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement q = c.prepareStatement("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'flag_signal'::regclass and c.relname < ? order by c.relname""")) {
            q.setString(1, name(keepFrom));
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    static String name(LocalDate day) {
        return "flag_signal_" + SUFFIX.format(day);
    }
}
