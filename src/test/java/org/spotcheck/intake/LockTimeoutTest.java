package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.HeldLocks;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A flag whose lock is held elsewhere for longer than the lock timeout gets an answer, not a hang. */
@TestPropertySource(properties = {"spotcheck.db.lock-timeout=300ms",
        "spring.kafka.listener.auto-startup=false", // the shared topics are for the main test context
        "camunda.bpm.process-engine-name=locktimeout"}) // an engine of its own, as ExplorationPathTest says why
@Tag("own-context") // a Spring context of its own: its own JVM (pom.xml)
class LockTimeoutTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aFlagThatCannotGetItsLockInTimeIsAnswered503AndGoesThroughOnceTheLockIsFree() throws Exception {
        ObjectNode flag = Flags.decidedAs("DISMISS");
        String flagId = flag.get("flagId").asText();

        try (HeldLocks other = HeldLocks.begin(dataSource)) {
            other.sql("select pg_advisory_xact_lock(?, hashtext(?))", IntakeRepository.FLAG_LOCKS, flagId);

            // a bound on the wait for a hang (no lock timeout) to fail the test rather than block it
            Api.Response busy = CompletableFuture.supplyAsync(() -> api().post("/api/cases", "intake", flag.toString()))
                    .get(60, TimeUnit.SECONDS);

            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.isProblem()).isTrue();
            assertThat(busy.json().get("title").asText()).isEqualTo("Busy, try again");
            assertThat(jdbc.sql("select count(*) from flag_signal where flag_id = :f").param("f", flagId)
                    .query(Long.class).single()).isZero();
        }

        Api.Response stored = api().post("/api/cases", "intake", flag.toString());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200); // a signal: stored, no case
        assertThat(stored.json().get("decision").asText()).isEqualTo("DISMISS");
        assertThat(jdbc.sql("select count(*) from flag_signal where flag_id = :f").param("f", flagId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
