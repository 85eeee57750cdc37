package org.spotcheck.standing;

import java.time.OffsetDateTime;

/**
 * A reporter's record as {@code GET /api/reporters/{id}} shows it: its counts, the share of
 * its verdicts that were counterfeit, its standing and why, and until when a suspension runs.
 */
public record ReporterRecord(String reporterId, Standing standing, String reason, long notices, long testBuys,
                             long counterfeit, long genuine, long reversed, Double counterfeitShare,
                             OffsetDateTime warnedAt, OffsetDateTime suspendedUntil, OffsetDateTime firstNoticeAt,
                             OffsetDateTime lastNoticeAt, @com.fasterxml.jackson.annotation.JsonIgnore Baseline baseline) {

    /** The counts when the reporter was last warned or suspended. */
    public record Baseline(long verdicts, long counterfeit, long reversed) {
    }

    /** The standing at {@code now}: a suspension past its end leaves the reporter WARNED. */
    public Standing standingAt(OffsetDateTime now) {
        return standing == Standing.SUSPENDED && suspendedUntil != null && !now.isBefore(suspendedUntil)
                ? Standing.WARNED : standing;
    }

    /** The record as it stands at {@code now}: a suspension past its end shows as WARNED. */
    ReporterRecord asOf(OffsetDateTime now) {
        return new ReporterRecord(reporterId, standingAt(now), reason, notices, testBuys, counterfeit, genuine, reversed,
                counterfeitShare, warnedAt, suspendedUntil, firstNoticeAt, lastNoticeAt, baseline);
    }

    public long verdicts() {
        return counterfeit + genuine;
    }

    long verdictsSinceWarning() {
        return verdicts() - baseline.verdicts();
    }

    /** The counterfeit share of the verdicts since the last warning or suspension; null without any. */
    Double counterfeitShareSinceWarning() {
        long verdicts = verdictsSinceWarning();
        return verdicts == 0 ? null : (double) (counterfeit - baseline.counterfeit()) / verdicts;
    }

    long reversalsSinceWarning() {
        return reversed - baseline.reversed();
    }
}
