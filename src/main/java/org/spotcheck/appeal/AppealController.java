package org.spotcheck.appeal;

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
class AppealController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final AppealService appeals;
    private final TransientRetry retry;

    AppealController(AppealService appeals, TransientRetry retry) {
        this.appeals = appeals;
        this.retry = retry;
    }

    @PostMapping(path = "/api/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> file(@Valid @RequestBody AppealBody body) {
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

    @GetMapping("/api/appeals/{appealId}")
    Appeal appeal(@PathVariable String appealId) {
        return appeals.find(appealId).orElseThrow(() -> new AppealNotFound(appealId));
    }

    /** The rights holder of the case reports a complaint or lawsuit in answer to a counter-notice. */
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

    record EvidenceBody(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URI")
                        String uri,
                        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256) {
    }

    record AppealBody(@NotNull @Pattern(regexp = ID, message = "must be 1-100 letters, digits, '.', '_', ':' or '-'")
                      String appealId,
                      @NotBlank @Size(max = 50) String caseNumber,
                      @NotBlank @Size(max = 100) String sellerId,
                      @NotBlank @Size(max = 4000) String grounds,
                      @Size(max = 20) List<@NotNull @Valid EvidenceBody> evidence) {
    }

    record ActionBody(@NotNull RightsHolderAction action, @NotBlank @Size(max = 200) String reference) {
    }

    static final class AppealNotFound extends NotFoundException {
        AppealNotFound(String appealId) {
            super("Appeal not found", "No appeal " + appealId);
        }
    }
}
