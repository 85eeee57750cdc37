package org.spotcheck.evidence;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every custody chain (run by the {@code custody-audit} process on its
 * schedule). A break raises an alert event ({@code spotcheck.evidence.chain-broken} on
 * {@code spotcheck.case-events}, once per broken entry, whichever node finds it) and an
 * error in the log.
 */
@Component
class CustodyAudit {

    private static final Logger log = LoggerFactory.getLogger(CustodyAudit.class);
    static final String CHAIN_BROKEN = "spotcheck.evidence.chain-broken";

    private final CustodyLog custody;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    CustodyAudit(CustodyLog custody, Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.custody = custody;
        this.outbox = outbox;
        this.jdbc = jdbc;
        // the alert must outlive the failing audit job that reports the break as an incident
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the verification; a newly found break is published once */
    CustodyLog.Verification check() {
        CustodyLog.Verification result = custody.verify();
        if (!result.intact()) {
            log.error("Custody chain broken at entry {} ({} entries checked)", result.firstBrokenEntry(),
                    result.entriesChecked());
            ownTransaction.executeWithoutResult(status -> {
                boolean known = outbox.holds(CHAIN_BROKEN, "firstBrokenEntry", result.firstBrokenEntry().toString());
                if (!known) {
                    outbox.append(Topics.CASE_EVENTS, "custody", CHAIN_BROKEN, null, Map.of(
                            "firstBrokenEntry", result.firstBrokenEntry(), "entriesChecked", result.entriesChecked()));
                }
            });
        }
        return result;
    }
}
