package org.spotcheck.evidence;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every custody chain on a schedule (default hourly). A break raises an alert
 * event ({@code spotcheck.evidence.chain-broken} on {@code spotcheck.case-events}, once
 * per broken entry) and an error in the log for operations to act on.
 */
@Component
class CustodyAudit {

    private static final Logger log = LoggerFactory.getLogger(CustodyAudit.class);

    private final CustodyLog custody;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private Long lastReported;

    CustodyAudit(CustodyLog custody, Outbox outbox, TransactionTemplate tx) {
        this.custody = custody;
        this.outbox = outbox;
        this.tx = tx;
    }

    @Scheduled(cron = "${spotcheck.evidence.audit-cron:0 17 * * * *}")
    void audit() {
        CustodyLog.Verification result = check();
        if (!result.intact()) {
            log.error("Custody chain broken at entry {} ({} entries checked)", result.firstBrokenEntry(),
                    result.entriesChecked());
        }
    }

    /** @return the verification; a newly found break is published once */
    CustodyLog.Verification check() {
        CustodyLog.Verification result = custody.verify();
        if (!result.intact() && !result.firstBrokenEntry().equals(lastReported)) {
            tx.executeWithoutResult(status -> outbox.append(Topics.CASE_EVENTS, "custody",
                    "spotcheck.evidence.chain-broken", null, Map.of("firstBrokenEntry", result.firstBrokenEntry(),
                            "entriesChecked", result.entriesChecked())));
            lastReported = result.firstBrokenEntry();
        }
        return result;
    }
}
