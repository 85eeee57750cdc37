package org.spotcheck.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.spotcheck.db.TransientRetry;
import org.spotcheck.web.ApiProblem;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Referrals", description = "Cases referred to the authorities: what the agencies report back (arrests,"
        + " sites closed, value seized).")
class ReferralController {

    private final ReferralService referrals;
    private final TransientRetry retry;

    ReferralController(ReferralService referrals, TransientRetry retry) {
        this.referrals = referrals;
        this.retry = retry;
    }

    /**
     * An agency's outcome report (enforcement-liaison or integrations). Numbers add up;
     * {@code reportId} makes a resent report count once for its referral (without one, the
     * report's own content identifies it).
     */
    @Operation(summary = "Report an agency's outcome", description = """
            Roles: enforcement-liaison, integrations. Numbers add up over the reports of a referral; the same \
            `reportId` twice for one referral counts once (without a `reportId`, the report's content identifies \
            it). Accepted while a follow-up task is open too (it ends the follow-up); `closed: true` ends the \
            referral.""")
    @Parameter(name = "referralId", example = "RF-2026-000007")
    @ApiResponse(responseCode = "202", description = "Accepted, with the referral's totals", content = @Content(examples = {
            @ExampleObject(name = "accepted", value = """
                    {"referralId": "RF-2026-000007", "reportId": "PSB-1", "totals": {"arrests": 3, "sites_closed": 1, \
                    "seized": 1250000.00}}"""),
            @ExampleObject(name = "the same report again", value = """
                    {"referralId": "RF-2026-000007", "reportId": "PSB-1", "duplicate": true}""")}))
    @ApiProblem(status = 404, title = "Referral not found", detail = "No referral RF-2026-000007")
    @ApiProblem(status = 409, title = "Referral not open for outcomes", detail = "Referral RF-2026-000007 is not"
            + " submitted yet, or is closed")
    @PostMapping(path = "/api/referrals/{referralId}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> outcome(@PathVariable String referralId, @Valid @RequestBody OutcomeReport body,
                              Principal principal) {
        String reportId = body.reportId() != null && !body.reportId().isBlank() ? body.reportId().trim()
                : UUID.nameUUIDFromBytes((referralId + "|" + body.arrests() + "|" + body.sitesClosed() + "|"
                + body.seizedValueCny().stripTrailingZeros().toPlainString() + "|" + body.closed())
                .getBytes(StandardCharsets.UTF_8)).toString();
        ReferralService.Outcome outcome = new ReferralService.Outcome(reportId, body.arrests(), body.sitesClosed(),
                body.seizedValueCny(), body.closed());
        // a report racing the follow-up timer loses to it on the engine's optimistic lock: once more, it is accepted
        return switch (retry.run(() -> referrals.recordOutcome(referralId, outcome, principal.getName()))) {
            case ACCEPTED -> ResponseEntity.accepted().body(Map.of("referralId", referralId, "reportId", reportId,
                    "totals", referrals.totals(referralId)));
            case DUPLICATE -> ResponseEntity.accepted().body(Map.of("referralId", referralId, "reportId", reportId,
                    "duplicate", true));
            case UNKNOWN -> Problems.of(HttpStatus.NOT_FOUND, "Referral not found", "No referral " + referralId);
            case NOT_WAITING -> Problems.of(HttpStatus.CONFLICT, "Referral not open for outcomes",
                    "Referral " + referralId + " is not submitted yet, or is closed");
        };
    }


    /** Shared with the Kafka listener: the same checks apply. */
    record OutcomeReport(@Schema(description = "the agency's report: the same one twice counts once", example = "PSB-1")
                         @Size(max = 200) String reportId,
                         @Schema(example = "3") @NotNull @PositiveOrZero @Max(1_000_000) Integer arrests,
                         @Schema(example = "1") @NotNull @PositiveOrZero @Max(1_000_000) Integer sitesClosed,
                         @Schema(example = "1250000")
                         @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal seizedValueCny,
                         @Schema(description = "true ends the referral", example = "false") @NotNull Boolean closed) {
    }
}
