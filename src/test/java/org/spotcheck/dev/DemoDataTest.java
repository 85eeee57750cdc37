package org.spotcheck.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;

/** The demo data command, against the running application: every stage filled, and a second run changes nothing. */
class DemoDataTest extends IntegrationTest {

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The tests' engine runs no job executor: this thread does its work while the demo runs, as dev mode's would. */
    private Thread jobExecutor() {
        Thread runner = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                engine.getManagementService().createJobQuery().executable().list().forEach(job -> {
                    try {
                        engine.getManagementService().executeJob(job.getId());
                    } catch (RuntimeException failed) {
                        // retried on the next round, as the job executor would
                    }
                });
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "demo-job-executor");
        runner.setDaemon(true);
        runner.start();
        return runner;
    }

    @Test
    void fillsEveryStageAndIsSafeToRunTwice() throws Exception {
        DemoData demo = new DemoData("http://localhost:" + port());
        Thread executor = jobExecutor();
        try {
            fillTwice(demo);
        } finally {
            executor.interrupt();
            executor.join(5000);
        }
    }

    private void fillTwice(DemoData demo) throws Exception {
        Map<String, Integer> first = demo.run(40);
        long cases = count("select count(*) from spot_case c join listing l on l.id = c.listing_pk where l.listing_id like 'DEMO-L-%'");
        long appeals = count("select count(*) from appeal where appeal_id like 'DEMO-AP-%'");
        long outcomes = count("select count(*) from referral_outcome where report_id like 'DEMO-PSB-%'");
        Map<String, Integer> second = demo.run(40);

        assertThat(first).containsKeys("AWAITING_PURCHASE", "AWAITING_PARCEL", "AWAITING_VERIFICATION",
                "CLOSED COUNTERFEIT", "CLOSED GENUINE", "signals (no case)");
        assertThat(appeals).isPositive();
        assertThat(outcomes).as("agency outcomes of the referred cases").isPositive();
        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from spot_case c join listing l on l.id = c.listing_pk where l.listing_id like 'DEMO-L-%'"))
                .isEqualTo(cases);
        assertThat(count("select count(*) from appeal where appeal_id like 'DEMO-AP-%'")).isEqualTo(appeals);
        assertThat(count("select count(*) from referral_outcome where report_id like 'DEMO-PSB-%'")).isEqualTo(outcomes);
    }
}
