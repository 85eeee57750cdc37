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
        maintain();
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

    /** Drops the partitions of days before {@code keepFrom}: @return the days dropped */
    List<LocalDate> dropBefore(LocalDate keepFrom) {
        List<String> expired = jdbc.queryForList("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'flag_signal'::regclass and c.relname < ? order by c.relname""",
                String.class, name(keepFrom));
        for (String partition : expired) {
            // outside a transaction: CONCURRENTLY lets batches go on writing today's partition meanwhile
            Boolean pending = jdbc.queryForObject("""
                    select i.inhdetachpending from pg_inherits i where i.inhrelid = to_regclass(?)""",
                    Boolean.class, partition);
            jdbc.execute("alter table flag_signal detach partition " + partition
                    + (Boolean.TRUE.equals(pending) ? " finalize" : " concurrently"));
            jdbc.execute("drop table " + partition);
            log.info("Dropped flag partition {} (older than {} days)", partition, retention.toDays());
        }
        known.removeIf(day -> day.isBefore(keepFrom));
        return expired.stream().map(n -> LocalDate.parse(n.substring(n.lastIndexOf('_') + 1), SUFFIX)).toList();
    }

    static String name(LocalDate day) {
        return "flag_signal_" + SUFFIX.format(day);
    }
}
