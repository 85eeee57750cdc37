package org.spotcheck.standing;

import java.time.OffsetDateTime;

/**
 * A reporter's record as {@code GET /api/reporters/{id}} shows it: its counts, the share of
 * its verdicts that were counterfeit, its standing and why, and until when a suspension runs.
 */
public record ReporterRecord(String reporterId, Standing standing, String reason, long notices, long testBuys,
                             long counterfeit, long genuine, long reversed, Double counterfeitShare,
                             OffsetDateTime warnedAt, OffsetDateTime suspendedUntil, OffsetDateTime firstNoticeAt,
                             OffsetDateTime lastNoticeAt) {

    /** The standing at {@code now}: a suspension past its end leaves the reporter WARNED. */
    public Standing standingAt(OffsetDateTime now) {
        return standing == Standing.SUSPENDED && suspendedUntil != null && !now.isBefore(suspendedUntil)
                ? Standing.WARNED : standing;
    }

    public long verdicts() {
        return counterfeit + genuine;
    }
}
