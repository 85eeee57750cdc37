package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.HeldLocks;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A REST flag that PostgreSQL picks as a deadlock's victim is tried again, not answered with a 500. */
class FlagDeadlockTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aFlagAbortedByADeadlockIsRetriedAndStoredOnce() throws Exception {
        ObjectNode first = Flags.decidedAs("DISMISS");
        assertThat(api().post("/api/cases", "intake", first.toString()).status()).isEqualTo(200); // a signal, no case
        ObjectNode second = Flags.decidedAs("DISMISS");
        Flags.listing(second).setAll(Flags.listing(first)); // the same listing: intake will update its row
        String flagId = second.get("flagId").asText();

        CompletableFuture<Api.Response> answer;
        try (HeldLocks other = HeldLocks.begin(dataSource)) {
            // another transaction holds the listing row, and never gives up first in a deadlock
            other.sql("set local deadlock_timeout = '60s'")
                    .sql("select 1 from listing where platform = ? and listing_id = ? for update",
                            Flags.listing(first).get("platform").asText(), Flags.listing(first).get("listingId").asText());
            answer = CompletableFuture.supplyAsync(() -> api().post("/api/cases", "intake", second.toString()));
            HeldLocks.awaitWaiters(jdbc, 1); // the flag holds its flag id and waits for the listing

            // ... and now wants the flag id: a cycle, which PostgreSQL breaks by aborting the flag's transaction
            other.sql("select pg_advisory_xact_lock(?, hashtext(?))", IntakeRepository.FLAG_LOCKS, flagId);
            other.commit();
        }

        Api.Response response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("decision").asText()).isEqualTo("DISMISS");
        assertThat(jdbc.sql("select count(*) from flag_signal where flag_id = :f").param("f", flagId).query(Long.class)
                .single()).isEqualTo(1);
    }
}
