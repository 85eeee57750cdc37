package org.spotcheck.appeal;

import java.time.OffsetDateTime;
import java.util.List;

/** A seller's appeal as {@code GET /api/appeals/{id}} shows it. */
public record Appeal(String appealId, String caseNumber, String sellerId, AppealStatus status, AppealRoute route,
                     String grounds, List<EvidenceRef> evidence, OffsetDateTime receivedAt, OffsetDateTime decideBy,
                     CounterNotice counterNotice, Decision decision) {

    /** A piece of the seller's evidence, by address and hash. */
    public record EvidenceRef(String uri, String sha256) {
    }

    /** The counter-notice to the rights holder and what it answered; null on a lab's review. */
    public record CounterNotice(OffsetDateTime sentAt, RightsHolderAction rightsHolderAction, String reference) {
    }

    /** What the appeal came to: the decision, its reasons, and the restore commands it sent. */
    public record Decision(AppealDecision decision, String reasons, OffsetDateTime decidedAt, List<String> lifted) {
    }

    public enum AppealStatus { RECEIVED, COUNTER_NOTICE_SENT, DECIDED }
}
