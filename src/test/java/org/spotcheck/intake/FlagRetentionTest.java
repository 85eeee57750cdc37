package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.spotcheck.listing.ListingPurge;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A day of flags is dropped whole once past the retention (180 days): its signals go, the
 * cases, the flags of cases and the custody log stay, and so do younger days.
 */
class FlagRetentionTest extends IntegrationTest {

    @Autowired
    private FlagPartitions partitions;
    @Autowired
    private ListingPurge listings;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void receivedOn(String flagId, LocalDate day) {
        partitions.ensure(day);
        jdbc.sql("update flag_signal set received_on = :day where flag_id = :f").param("day", day).param("f", flagId)
                .update(); // the row moves to that day's partition, as if it had arrived then
    }

    @Test
    void aDayPastTheRetentionIsDroppedWithItsSignalsOnly() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expired = today.minusDays(200);
        LocalDate kept = today.minusDays(179);
        ObjectNode oldSignal = Flags.decidedAs("DISMISS");
        ObjectNode oldCaseFlag = Flags.decidedAs("TEST_BUY");
        ObjectNode youngSignal = Flags.decidedAs("MONITOR");
        for (ObjectNode flag : new ObjectNode[] {oldSignal, oldCaseFlag, youngSignal}) {
            assertThat(api().post("/api/cases", "intake", flag.toString()).status()).isIn(200, 201);
        }
        String caseNumber = api().get("/api/flags/" + oldCaseFlag.get("flagId").asText(), "analyst").json()
                .get("caseNumber").asText();
        receivedOn(oldSignal.get("flagId").asText(), expired);
        receivedOn(oldCaseFlag.get("flagId").asText(), expired);
        receivedOn(youngSignal.get("flagId").asText(), kept);
        long cases = count("select count(*) from spot_case");
        long caseFlags = count("select count(*) from flag");
        long custody = count("select count(*) from custody_entry");

        assertThat(partitions.dropBefore(partitions.firstRetainedDay(today))).contains(expired).doesNotContain(kept);

        assertThat(count("select count(*) from pg_class where relname = '" + FlagPartitions.name(expired) + "'")).isZero();
        assertThat(api().get("/api/flags/" + oldSignal.get("flagId").asText(), "analyst").status())
                .as("past its retention").isEqualTo(404);
        assertThat(api().get("/api/flags/" + youngSignal.get("flagId").asText(), "analyst").status()).isEqualTo(200);
        // a flag of a case is kept with its case
        assertThat(api().get("/api/flags/" + oldCaseFlag.get("flagId").asText(), "analyst").json().get("caseNumber")
                .asText()).isEqualTo(caseNumber);
        assertThat(api().get("/api/cases/" + caseNumber, "analyst").json().at("/flags/0/flagId").asText())
                .isEqualTo(oldCaseFlag.get("flagId").asText());
        assertThat(count("select count(*) from spot_case")).isEqualTo(cases);
        assertThat(count("select count(*) from flag")).isEqualTo(caseFlags);
        assertThat(count("select count(*) from custody_entry")).isEqualTo(custody);
        // the flag of the case, sent again, still answers with its case
        assertThat(api().post("/api/cases", "intake", oldCaseFlag.toString()).json().get("caseNumber").asText())
                .isEqualTo(caseNumber);
    }

    @Test
    void aListingNotFlaggedForTheRetentionAndInNoCaseIsRemoved() {
        ObjectNode forgotten = Flags.decidedAs("DISMISS");
        ObjectNode ofACase = Flags.decidedAs("TEST_BUY");
        ObjectNode recent = Flags.decidedAs("MONITOR");
        for (ObjectNode flag : new ObjectNode[] {forgotten, ofACase, recent}) {
            api().post("/api/cases", "intake", flag.toString());
        }
        for (ObjectNode flag : new ObjectNode[] {forgotten, ofACase}) {
            jdbc.sql("update listing set last_flagged_at = now() - interval '181 days' where listing_id = :l")
                    .param("l", Flags.listing(flag).get("listingId").asText()).update();
        }

        listings.purge();
        listings.purge(); // the walk starts where the last run stopped: two runs cover the table

        assertThat(listed(forgotten)).isZero();
        assertThat(listed(ofACase)).as("a listing of a case stays with the case").isEqualTo(1);
        assertThat(listed(recent)).isEqualTo(1);
        assertThat(api().get("/api/listings/" + Flags.listing(forgotten).get("platform").asText() + "/"
                + Flags.listing(forgotten).get("listingId").asText(), "analyst").status()).isEqualTo(404);
    }

    private long listed(ObjectNode flag) {
        return jdbc.sql("select count(*) from listing where listing_id = :l")
                .param("l", Flags.listing(flag).get("listingId").asText()).query(Long.class).single();
    }

    @Test
    void partitionsAreMadeAheadSoIntakeNeverWaitsForOne() {
        partitions.maintain();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i <= FlagPartitions.AHEAD; i++) {
            assertThat(count("select count(*) from pg_class where relname = '"
                    + FlagPartitions.name(today.plusDays(i)) + "'")).isEqualTo(1);
        }
    }
}
