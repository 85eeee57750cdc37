package org.spotcheck.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The case as {@code GET /api/cases/{caseNumber}} shows it (CONTRACT.md). Stages that
 * later issues add (purchase, verification, sanction, referral) are null until then.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseView(
        String caseNumber,
        String status,
        String outcome,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        String processInstanceId,
        Listing listing,
        List<Flag> flags,
        long flagsTotal,
        Triage triage,
        Purchase purchase,
        List<Object> evidence,
        Verification verification,
        Sanction sanction,
        Referral referral,
        List<TimelineEntry> timeline,
        long timelineTotal,
        Map<String, Object> statementOfReasons,
        Appeal appeal) {

    /**
     * A view shows a case's newest this many flags and timeline entries (oldest of them
     * first); {@code flagsTotal} and {@code timelineTotal} count them all, and
     * {@code /api/cases/{n}/flags} and {@code /timeline} page through every one.
     */
    public static final int SHOWN = 100;

    /**
     * What a verifier may see: the listing, the parcel's evidence to match the sample and
     * its own verification. No flags or triage (internal risk data), no purchase, no
     * purchase video and no names of staff (they could unmask the buyer), no timeline.
     */
    public CaseView forVerifier() {
        List<Object> parcel = evidence.stream().map(Evidence.class::cast).filter(e -> !"VIDEO".equals(e.kind()))
                .map(e -> (Object) new Evidence(e.id(), e.kind(), e.sha256(), null, e.sealNumber(), e.storageLocation(),
                        null, e.capturedAt()))
                .toList();
        return new CaseView(caseNumber, status, outcome, openedAt, closedAt, null, listing, List.of(), 0, null, null,
                parcel, verification, null, null, List.of(), 0, null, null);
    }

    public record Verification(String route, String verifier, String verdict, String reportReference, int round,
                               OffsetDateTime requestedAt, OffsetDateTime answeredAt) {
    }

    public record Sanction(String level, OffsetDateTime decidedAt, List<Command> commands) {
    }

    public record Command(String command, String shopId, OffsetDateTime issuedAt) {
    }

    /**
     * The case's latest appeal: what the seller asked and what changed (the outcome stays;
     * {@code strikeLifted} when a reversal removed the seller's strike).
     */
    public record Appeal(String appealId, String status, String route, OffsetDateTime receivedAt,
                         OffsetDateTime decideBy, String decision, String reasons, OffsetDateTime decidedAt,
                         List<String> lifted, boolean strikeLifted) {
    }

    /** The referral decision and, when referred, the lead's state and the agency's cumulative outcomes. */
    public record Referral(boolean refer, String agency, OffsetDateTime decidedAt, String referralId, String status,
                           String jurisdiction, OffsetDateTime submittedAt, Integer arrests, Integer sitesClosed,
                           BigDecimal seizedValueCny) {
    }

    public record Listing(String platform, String listingId, String shopId, String sellerId, String title,
                          String brand, String category, BigDecimal priceCny, String url) {
    }

    public record Flag(String flagId, String source, boolean merged, OffsetDateTime receivedAt, BigDecimal riskScore,
                       Integer disputeCount, BigDecimal avgRating, Integer ratingCount, BigDecimal msrpCny) {
    }

    public record Triage(String decision, Integer priority, boolean exploration) {
    }

    /** Reservation and purchase; the buyer persona is never part of any view. */
    public record Purchase(BigDecimal reservedCny, String budgetStatus, Boolean listingUnavailable, String orderNumber,
                           BigDecimal amountPaidCny, String purchasedBy, OffsetDateTime recordedAt) {
    }

    public record Evidence(long id, String kind, String sha256, String uri, String sealNumber, String storageLocation,
                           String capturedBy, OffsetDateTime capturedAt) {
    }

    public record TimelineEntry(OffsetDateTime at, String stage, String actor, String text) {
    }

    /** One row of the case search. */
    public record Summary(String caseNumber, String status, String outcome, String platform, String listingId,
                          String sellerId, String brand, String category, Integer priority,
                          OffsetDateTime openedAt, OffsetDateTime closedAt) {
    }

    /**
     * One page of a longer list. {@code total} is exact when {@code totalExact}; a search
     * stops counting at 10,000 and then says at least that many. {@code hasMore}: rows
     * follow this page.
     */
    public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact, boolean hasMore) {
    }
}
