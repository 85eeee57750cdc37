package org.spotcheck.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.listing.Listings;
import org.spotcheck.listing.domain.Watch;
import org.spotcheck.network.SellerNetwork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of flags and listings: {@code GET /api/flags/{flagId}} and {@code GET /api/listings/{platform}/{listingId}}. */
@Component
class FlagQueries {

    /** Cases a listing view names, newest first. */
    static final int LISTING_CASES = 100;

    private final FlagSignals signals;
    private final IntakeRepository intake;
    private final Listings listings;
    private final SellerNetwork network;
    private final CaseRepository cases;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    FlagQueries(FlagSignals signals, IntakeRepository intake, Listings listings, SellerNetwork network,
                CaseRepository cases, ObjectMapper json, java.time.Clock clock) {
        this.signals = signals;
        this.intake = intake;
        this.listings = listings;
        this.network = network;
        this.cases = cases;
        this.json = json;
        this.clock = clock;
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FlagView(String flagId, Instant receivedAt, String source, String reporterId,
                    @Schema(implementation = FlagRequest.ListingPart.class) JsonNode listing,
                    @Schema(implementation = FlagRequest.SignalsPart.class) JsonNode signals,
                    String decision, Integer priority, boolean exploration, String caseNumber) {
    }

    /** A flag within its retention, or a flag of a case (kept with the case). */
    @Transactional(readOnly = true)
    Optional<FlagView> flag(String flagId) {
        Optional<FlagView> signal = signals.find(flagId).map(s -> view(s.flagId(), s.receivedAt(), s.payload(),
                s.decision(), s.priority(), s.exploration(), s.caseNumber()));
        if (signal.isPresent()) {
            return signal;
        }
        return intake.caseFlag(flagId).map(f -> {
            CaseRepository.Triage c = cases.triage(List.of(f.casePk())).get(f.casePk());
            return view(flagId, f.receivedAt(), f.payload(), f.merged() ? null : c.decision(),
                    f.merged() ? null : c.priority(), c.exploration(), c.caseNumber());
        });
    }

    private FlagView view(String flagId, Instant receivedAt, String payload, String decision, Integer priority,
                          boolean exploration, String caseNumber) {
        JsonNode flag = read(payload);
        return new FlagView(flagId, receivedAt, flag.path("source").asText(null),
                flag.hasNonNull("reporterId") ? flag.get("reporterId").asText() : null, flag.get("listing"),
                flag.get("signals"), decision, priority, exploration, caseNumber);
    }

    record WatchView(int flagsLast30Days, String lastDecision, Instant firstFlaggedAt, Instant lastFlaggedAt) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ListingView(@Schema(implementation = FlagRequest.ListingPart.class) JsonNode listing, WatchView watch,
                       String openCase, List<String> cases) {
    }

    @Transactional(readOnly = true)
    Optional<ListingView> listing(String platform, String listingId) {
        String key = platform + ":" + listingId;
        Listings.Watched watched = listings.watched(List.of(key)).get(key);
        if (watched == null) {
            return Optional.empty();
        }
        Listings.Facts facts = listings.require(watched.pk());
        ObjectNode listing = json.createObjectNode().put("platform", facts.platform()).put("listingId", facts.listingId())
                .put("shopId", facts.shopId()).put("sellerId", network.name(facts.sellerPk()).sellerId())
                .put("title", facts.title()).put("brand", facts.brand()).put("category", facts.category())
                .put("priceCny", facts.priceCny().doubleValue()).put("url", facts.url());
        Watch watch = watched.watch();
        CaseRepository.ListingCases ofListing = cases.ofListing(platform, listingId, LISTING_CASES);
        return Optional.of(new ListingView(listing, new WatchView(watch.recentFlags(LocalDate.now(clock.withZone(
                ZoneOffset.UTC))), watch.lastDecision(), watch.firstFlaggedAt(), watch.lastFlaggedAt()),
                ofListing.openCase(), ofListing.caseNumbers()));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored flag is not JSON", e);
        }
    }
}
