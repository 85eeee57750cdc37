package org.spotcheck.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.intake.domain.Watch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of flags and listings: {@code GET /api/flags/{flagId}} and {@code GET /api/listings/{platform}/{listingId}}. */
@Component
class FlagQueries {

    /** Cases a listing view names, newest first. */
    static final int LISTING_CASES = 100;

    private final FlagSignals signals;
    private final IntakeRepository intake;
    private final CaseRepository cases;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    FlagQueries(FlagSignals signals, IntakeRepository intake, CaseRepository cases, JdbcClient jdbc, ObjectMapper json,
                java.time.Clock clock) {
        this.signals = signals;
        this.intake = intake;
        this.cases = cases;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FlagView(String flagId, Instant receivedAt, String source, String reporterId, JsonNode listing,
                    JsonNode signals, String decision, Integer priority, boolean exploration, String caseNumber) {
    }

    /** A flag within its retention, or a flag of a case (kept with the case). */
    @Transactional(readOnly = true)
    Optional<FlagView> flag(String flagId) {
        Optional<FlagView> signal = signals.find(flagId).map(s -> view(s.flagId(), s.receivedAt(), s.payload(),
                s.decision(), s.priority(), s.exploration(), s.caseNumber()));
        if (signal.isPresent()) {
            return signal;
        }
        return jdbc.sql("""
                select f.received_at, f.payload::text, f.merged, c.case_number, c.triage_decision, c.priority, c.exploration
                from flag f join spot_case c on c.id = f.case_pk where f.flag_id = :id""").param("id", flagId)
                .query((rs, i) -> view(flagId, rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getBoolean(3) ? null : rs.getString(5), rs.getBoolean(3) ? null : (Integer) rs.getObject(6),
                        rs.getBoolean(7), rs.getString(4)))
                .optional();
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
    record ListingView(JsonNode listing, WatchView watch, String openCase, List<String> cases) {
    }

    @Transactional(readOnly = true)
    Optional<ListingView> listing(String platform, String listingId) {
        String key = platform + ":" + listingId;
        IntakeRepository.Watched watched = intake.watched(List.of(key)).get(key);
        if (watched == null) {
            return Optional.empty();
        }
        JsonNode listing = jdbc.sql("""
                select json_build_object('platform', l.platform, 'listingId', l.listing_id, 'shopId', l.shop_id,
                       'sellerId', s.seller_id, 'title', l.title, 'brand', l.brand, 'category', l.category,
                       'priceCny', l.price_cny, 'url', l.url)::text
                from listing l join seller s on s.id = l.seller_pk where l.id = :id""")
                .param("id", watched.pk()).query((rs, i) -> read(rs.getString(1))).single();
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
