package org.spotcheck.standing;

import org.spotcheck.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A reporter's record and standing (staff; integrations, for the notice portal). */
@RestController
class ReporterController {

    private final NotifierStanding standing;

    ReporterController(NotifierStanding standing) {
        this.standing = standing;
    }

    @GetMapping("/api/reporters/{reporterId}")
    ReporterRecord reporter(@PathVariable String reporterId) {
        return standing.find(reporterId).map(r -> new ReporterRecord(r.reporterId(),
                        r.standingAt(java.time.OffsetDateTime.now()), r.reason(), r.notices(), r.testBuys(), r.counterfeit(),
                        r.genuine(), r.reversed(), r.counterfeitShare(), r.warnedAt(), r.suspendedUntil(),
                        r.firstNoticeAt(), r.lastNoticeAt(), r.baseline()))
                .orElseThrow(() -> new ReporterNotFound(reporterId));
    }

    static final class ReporterNotFound extends NotFoundException {
        ReporterNotFound(String reporterId) {
            super("Reporter not found", "No notices on record from reporter " + reporterId);
        }
    }
}
