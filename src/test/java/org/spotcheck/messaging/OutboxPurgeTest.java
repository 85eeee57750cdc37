package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Sent events go after their retention; nothing unsent, parked or young goes with them. History cleanup is scheduled. */
class OutboxPurgeTest extends IntegrationTest {

    @Autowired
    OutboxPurge purge;

    private void event(long seq, String age, boolean sent, boolean parked) {
        // the oldest events have the lowest sequence numbers, as in a real outbox
        jdbc.sql("insert into outbox_event (seq, event_id, topic, event_key, type, data, occurred_at, sent_at, parked_at)"
                        + " values (:seq, gen_random_uuid(), 'spotcheck.case-events', 'CF-PURGE', 'spotcheck.case.test',"
                        + " '{}', now() - cast(:age as interval), case when :sent then now() - cast(:age as interval) end,"
                        + " case when :parked then now() end)")
                .param("seq", seq).param("age", age).param("sent", sent).param("parked", parked).update();
    }

    private List<Long> left() {
        return jdbc.sql("select seq from outbox_event where event_key = 'CF-PURGE' order by seq").query(Long.class).list();
    }

    @Test
    void sentEventsOlderThanTheRetentionAreRemovedAndNothingElse() {
        event(-9_000_006, "9 days", true, false);
        event(-9_000_005, "8 days", true, false);
        event(-9_000_004, "8 days", false, true);   // parked: waits for an operator
        event(-9_000_003, "8 days", false, false);  // never sent: the relay still owes it
        long young = jdbc.sql("insert into outbox_event (event_id, topic, event_key, type, data, occurred_at, sent_at)"
                + " values (gen_random_uuid(), 'spotcheck.case-events', 'CF-PURGE', 'spotcheck.case.test', '{}',"
                + " now() - interval '1 day', now() - interval '1 day') returning seq").query(Long.class).single();
        long othersBefore = jdbc.sql("select count(*) from outbox_event where event_key <> 'CF-PURGE'").query(Long.class).single();

        assertThat(purge.purge()).isEqualTo(2);

        assertThat(left()).containsExactly(-9_000_004L, -9_000_003L, young);
        assertThat(jdbc.sql("select count(*) from outbox_event where event_key <> 'CF-PURGE'").query(Long.class).single())
                .isEqualTo(othersBefore);
        assertThat(purge.purge()).as("a second run finds nothing").isZero();
    }

    @Test
    void historyCleanupIsScheduledInItsNightlyWindow() {
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        java.time.LocalTime due = cleanup.get(0).getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault())
                .toLocalTime();
        assertThat(due).isBetween(java.time.LocalTime.of(1, 0), java.time.LocalTime.of(5, 0));
    }
}
