package org.spotcheck.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.messaging.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every flag's decision to {@code spotcheck.flag-decisions} (key: flag id), at
 * least once, without an outbox row per flag: {@code flag_signal} is its own outbox, read in
 * commit order from a stored position ({@code relay_position}).
 * <p>
 * Commit-safe, not insertion order: each row carries its transaction's id, and the relay
 * reads only transactions below the oldest one still running (the snapshot's xmin). Every
 * transaction below it has ended, so no row can later appear behind the position: a batch
 * that commits late is published late, never skipped (decisions go out in transaction-id
 * order). Transaction ids are read in windows sized to hold about one batch of rows, a page
 * of at most a batch at a time; the position moves past a page only once Kafka has
 * acknowledged all of it, in the same transaction that reads it. A crash between publishing
 * and moving the position publishes the window again (at least once; consumers key by flag id).
 * One relay at a time across nodes (an advisory lock).
 */
@Component
class FlagDecisionRelay {

    static final String RELAY = "flag-decisions";
    private static final long RELAY_LOCK = 0x464C_4445_4349L;
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(FlagDecisionRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final int batchSize;
    /** Transaction ids per window: grows while windows come back small, shrinks when one is large. */
    private volatile long window = 64;

    FlagDecisionRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka, ObjectMapper json,
                      @Value("${spotcheck.flag-decisions.batch-size:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.json = json;
        this.batchSize = batchSize;
    }

    /** Every decision up to (tx, flagId) is published; {@code day}: the day of the rows read last. */
    private record Position(long tx, String flagId, LocalDate day) {
    }

    record Decision(String flagId, long tx, LocalDate day, String listingKey, String decision, int priority,
                    boolean exploration, String caseNumber) {
    }

    /**
     * Publishes what had committed when the run began. The horizon is fixed for the run: the
     * relay's own position updates end transactions too, and chasing them would never stop.
     * @return decisions published
     */
    int relay() {
        long horizon = ended();
        int published = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Integer sent = tx.execute(status -> relayWindow(horizon));
            if (sent == null || sent < 0) {
                break;
            }
            published += sent;
        }
        return published;
    }

    /** Transactions below this id have all ended (committed or rolled back): the snapshot's xmin. */
    private long ended() {
        return jdbc.queryForObject("select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint", Long.class);
    }

    /** @return decisions published from one window, or -1 when the run is done (or another node relays) */
    private int relayWindow(long horizon) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK))) {
            return -1;
        }
        Position at = jdbc.queryForObject("select tx, flag_id, received_on from relay_position where relay = ?",
                (rs, i) -> new Position(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()), RELAY);
        long ended = Math.min(horizon, ended());
        if (at.tx() >= ended) {
            return -1;
        }
        long until = Math.min(ended, at.tx() + window);
        List<Decision> decisions = read(at, until);
        try {
            publish(decisions);
        } catch (RuntimeException e) {
            window = Math.max(1, window / 4); // a smaller window next time: less to send again
            throw e;
        }
        boolean full = decisions.size() == batchSize;
        LocalDate today = jdbc.queryForObject("select (now() at time zone 'UTC')::date", LocalDate.class);
        LocalDate seen = decisions.stream().map(Decision::day).max(LocalDate::compareTo).orElse(at.day());
        // never beyond the database's today: a node whose clock runs ahead must not move the day filter past others' rows
        LocalDate day = seen.isAfter(today) ? today : seen.isAfter(at.day()) ? seen : at.day();
        if (full) { // a page of the window: go on after its last row
            Decision last = decisions.get(decisions.size() - 1);
            jdbc.update("update relay_position set tx = ?, flag_id = ?, received_on = ?, moved_at = now() where relay = ?",
                    last.tx(), last.flagId(), Date.valueOf(day), RELAY);
        } else { // the whole window: go on after it
            jdbc.update("update relay_position set tx = ?, flag_id = '', received_on = ?, moved_at = now() where relay = ?",
                    until, Date.valueOf(day), RELAY);
        }
        adapt(decisions.size());
        return decisions.size();
    }

    /** The next page (at most a batch) of decisions after the position, of transactions before {@code until}. */
    List<Decision> read(Position at, long until) {
        // the listing key as the flag gave it (the listing's own key, and still there once the listing is purged);
        // two days back from the last row's day: a batch that began before midnight may commit after it, or
        // come from a node whose clock runs a little behind
        return jdbc.query("""
                select s.flag_id, s.tx, s.received_on,
                       (s.payload -> 'listing' ->> 'platform') || ':' || (s.payload -> 'listing' ->> 'listingId'),
                       s.decision, s.priority, s.exploration, s.case_number
                from flag_signal s
                where s.received_on >= ? and s.tx >= ? and (s.tx, s.flag_id) > (?, ?) and s.tx < ?
                order by s.tx, s.flag_id limit ?""",
                (rs, i) -> new Decision(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8)),
                Date.valueOf(at.day().minusDays(2)), at.tx(), at.tx(), at.flagId(), until, batchSize);
    }

    private void adapt(int rows) {
        if (rows == batchSize && window > 1) {
            window = window / 2;
        } else if (rows < batchSize / 2 && window < 1 << 20) {
            window = window * 2;
        }
    }

    /** Sends all and waits for every acknowledgement: a failure rolls the window back, to be sent again. */
    private void publish(List<Decision> decisions) {
        List<CompletableFuture<?>> sends = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            sends.add(kafka.send(new ProducerRecord<>(Topics.FLAG_DECISIONS, decision.flagId(), value(decision))));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing flag decisions", e);
        } catch (Exception e) {
            log.warn("Flag decisions not all acknowledged ({}); the window is sent again", e.toString());
            throw new IllegalStateException("flag decisions not acknowledged", e);
        }
    }

    private byte[] value(Decision decision) {
        ObjectNode node = json.createObjectNode();
        node.put("flagId", decision.flagId());
        node.put("listingKey", decision.listingKey());
        node.put("decision", decision.decision());
        node.put("priority", decision.priority());
        node.put("exploration", decision.exploration());
        if (decision.caseNumber() != null) {
            node.put("caseNumber", decision.caseNumber());
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
