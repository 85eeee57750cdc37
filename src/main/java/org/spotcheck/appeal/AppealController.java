package org.spotcheck.appeal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.spotcheck.db.TransientRetry;
import org.spotcheck.web.ApiProblem;
import org.spotcheck.web.NotFoundException;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sellers' appeals, relayed by the seller portal (integrations); rights holders answer counter-notices. */
@RestController
@Tag(name = "Appeals", description = "Sellers' appeals of restrictions (EU DSA Art. 20), relayed by the seller portal,"
        + " and rights holders' answers to counter-notices (PRC E-Commerce Law Art. 43).")
class AppealController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final AppealService appeals;
    private final TransientRetry retry;

    AppealController(AppealService appeals, TransientRetry retry) {
        this.appeals = appeals;
        this.retry = retry;
    }

    @Operation(summary = "File a seller's appeal", description = """
            Role: integrations (the seller portal). Within 180 days of the restriction (`spotcheck.appeals.window`); \
            one open appeal per case. Routed by who verified: a rights holder's verdict → `COUNTER_NOTICE` (the \
            declaration goes to the rights holder; unless it reports a complaint or lawsuit within 15 days, the \
            restriction is lifted); a lab's verdict → `REVIEW` by a person of group `appeals` who did not work on \
            the case, within 14 days. The same `appealId` again → `200`, nothing new.""")
    @ApiResponse(responseCode = "201", description = "The appeal was received", headers = @Header(name = "Location",
            description = "/api/appeals/{appealId}"), content = @Content(examples = @ExampleObject(value = """
                    {"appealId": "AP-2026-000001", "status": "RECEIVED", "route": "COUNTER_NOTICE", \
                    "decideBy": "2026-12-22T10:00:00Z"}""")))
    @ApiResponse(responseCode = "200", description = "The same appeal again: as it stands, nothing new", content = @Content(
            examples = @ExampleObject(value = """
                    {"appealId": "AP-2026-000001", "status": "COUNTER_NOTICE_SENT", "route": "COUNTER_NOTICE", \
                    "decideBy": "2026-12-22T10:00:00Z"}""")))
    @ApiProblem(status = 403, title = "Not the case's seller", detail = "Seller SELLER-8 is not the seller of case"
            + " CF-2026-000001")
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @ApiProblem(status = 409, title = "Nothing to appeal", detail = "Case CF-2026-000001 restricted nothing of the seller")
    @ApiProblem(status = 409, title = "Appeal window closed", detail = "An appeal is open for 180 days from the"
            + " restriction (2026-03-02); it closed on 2026-08-29")
    @ApiProblem(status = 409, title = "Appeal already open", detail = "Case CF-2026-000001 has an open appeal: AP-2026-000001")
    @ApiProblem(status = 409, title = "Appeal id taken", detail = "Appeal id AP-2026-000001 is taken by another case's appeal")
    @PostMapping(path = "/api/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> file(@Valid @RequestBody AppealBody body) {
        // Size: most of it is its OpenAPI description above, an example of each answer
        AppealService.Filed filed = retry.run(() -> appeals.file(new AppealService.Filing(body.appealId(),
                body.caseNumber().trim(), body.sellerId().trim(), body.grounds().trim(), body.evidence() == null ? List.of()
                : body.evidence().stream().map(e -> new Appeal.EvidenceRef(e.uri().trim(), e.sha256().toLowerCase())).toList())));
        if (filed.refusal() != null) {
            return switch (filed.refusal()) {
                case CASE_NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, "Case not found", filed.detail());
                case NOT_THE_SELLER -> Problems.of(HttpStatus.FORBIDDEN, "Not the case's seller", filed.detail());
                case NOT_CLOSED -> Problems.of(HttpStatus.CONFLICT, "Case still open", filed.detail());
                case NO_RESTRICTION -> Problems.of(HttpStatus.CONFLICT, "Nothing to appeal", filed.detail());
                case WINDOW_CLOSED -> Problems.of(HttpStatus.CONFLICT, "Appeal window closed", filed.detail());
                case APPEAL_OPEN -> Problems.of(HttpStatus.CONFLICT, "Appeal already open", filed.detail());
                case ID_TAKEN -> Problems.of(HttpStatus.CONFLICT, "Appeal id taken", filed.detail());
            };
        }
        Appeal appeal = filed.appeal();
        Map<String, Object> answer = Map.of("appealId", appeal.appealId(), "status", appeal.status().name(),
                "route", appeal.route().name(), "decideBy", appeal.decideBy().toString());
        return filed.created()
                ? ResponseEntity.created(URI.create("/api/appeals/" + appeal.appealId())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @Operation(summary = "Where an appeal stands", description = """
            Roles: staff groups, appeals, integrations. Its route, grounds and evidence, when it is to be decided \
            by, the counter-notice and the rights holder's action (route `COUNTER_NOTICE`), and the decision with \
            its reasons and what was lifted.""")
    @Parameter(name = "appealId", example = "AP-2026-000001")
    @ApiResponse(responseCode = "200", description = "The appeal", useReturnTypeSchema = true)
    @ApiProblem(status = 404, title = "Appeal not found", detail = "No appeal AP-2026-000001")
    @GetMapping("/api/appeals/{appealId}")
    Appeal appeal(@PathVariable String appealId) {
        return appeals.find(appealId).orElseThrow(() -> new AppealNotFound(appealId));
    }

    /** The rights holder of the case reports a complaint or lawsuit in answer to a counter-notice. */
    @Operation(summary = "Answer a counter-notice", description = """
            Role: verifiers; the rights holder of the case, on its own counter-notices. Reports a complaint filed \
            with an authority or a lawsuit, within 15 days of receiving the counter-notice: the restriction stays. \
            The same report again → `202` with `"duplicate": true`.""")
    @Parameter(name = "appealId", example = "AP-2026-000001")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(examples = @ExampleObject(value = """
            {"appealId": "AP-2026-000001", "action": "LAWSUIT_FILED", "duplicate": false}""")))
    @ApiProblem(status = 403, title = "Not your counter-notice", detail = "Appeal AP-2026-000001 is not a counter-notice"
            + " to rh-other")
    @ApiProblem(status = 404, title = "Appeal not found", detail = "No appeal AP-2026-000001")
    @ApiProblem(status = 409, title = "Not waiting for the rights holder", detail = "Appeal AP-2026-000001 is not waiting"
            + " for a complaint or lawsuit (the 15 days are over, or it was reported already)")
    @PostMapping(path = "/api/appeals/{appealId}/rights-holder-action", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> rightsHolderAction(@PathVariable String appealId, @Valid @RequestBody ActionBody body,
                                         Principal principal) {
        AppealService.ActionAnswer answer = retry.run(() -> appeals.rightsHolderAction(appealId, principal.getName(),
                body.action(), body.reference().trim()));
        return switch (answer) {
            case ACCEPTED, ALREADY_ACCEPTED -> ResponseEntity.accepted().body(Map.of("appealId", appealId,
                    "action", body.action().name(), "duplicate", answer == AppealService.ActionAnswer.ALREADY_ACCEPTED));
            case NOT_FOUND -> throw new AppealNotFound(appealId);
            case NOT_YOURS -> Problems.of(HttpStatus.FORBIDDEN, "Not your counter-notice", "Appeal " + appealId
                    + " is not a counter-notice to " + principal.getName());
            case NOT_WAITING -> Problems.of(HttpStatus.CONFLICT, "Not waiting for the rights holder", "Appeal " + appealId
                    + " is not waiting for a complaint or lawsuit (the 15 days are over, or it was reported already)");
        };
    }

    record EvidenceBody(@Schema(example = "https://portal.example/appeals/AP-2026-000001/invoice.pdf")
                        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URI")
                        String uri,
                        @Schema(example = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")
                        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256) {
    }

    record AppealBody(@Schema(description = "the portal's id of the appeal: the same id again is the same appeal",
                              example = "AP-2026-000001")
                      @NotNull @Pattern(regexp = ID, message = "must be 1-100 letters, digits, '.', '_', ':' or '-'")
                      String appealId,
                      @Schema(example = "CF-2026-000001") @NotBlank @Size(max = 50) String caseNumber,
                      @Schema(example = "SELLER-9") @NotBlank @Size(max = 100) String sellerId,
                      @Schema(example = "The serum was bought from Acme's authorised distributor; invoice attached.")
                      @NotBlank @Size(max = 4000) String grounds,
                      @ArraySchema(arraySchema = @Schema(description = "documents the portal keeps, by address and hash"))
                      @Size(max = 20) List<@NotNull @Valid EvidenceBody> evidence) {
    }

    record ActionBody(@Schema(example = "LAWSUIT_FILED") @NotNull RightsHolderAction action,
                      @Schema(description = "the complaint's or the lawsuit's reference", example = "(2026) Hu 0115 Min Chu 1234")
                      @NotBlank @Size(max = 200) String reference) {
    }

    static final class AppealNotFound extends NotFoundException {
        AppealNotFound(String appealId) {
            super("Appeal not found", "No appeal " + appealId);
        }
    }
}
