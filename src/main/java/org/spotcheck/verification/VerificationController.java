package org.spotcheck.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.spotcheck.cases.Verdict;
import org.spotcheck.db.TransientRetry;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VerificationController {

    private final VerificationService verification;
    private final VerifierRegistry registry;
    private final TransientRetry retry;

    VerificationController(VerificationService verification, VerifierRegistry registry, TransientRetry retry) {
        this.verification = verification;
        this.registry = registry;
        this.retry = retry;
    }

    /**
     * A verifier's verdict (role verifiers; only the verifier the case was routed to). It may
     * name the {@code round} of its verification request; a round re-routed meanwhile is 409.
     */
    @PostMapping(path = "/api/cases/{caseNumber}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> verdict(@PathVariable String caseNumber, @Valid @RequestBody VerdictBody body, Principal principal) {
        // a verdict that lost an engine conflict (say, to the reminder timer) is tried again
        VerificationService.Answer answer = retry.run(() -> verification.submit(caseNumber, principal.getName(),
                body.verdict(), body.reportReference().trim(), body.notes(), body.round()));
        return switch (answer) {
            case ACCEPTED -> ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "verdict", body.verdict()));
            case ALREADY_ACCEPTED -> ResponseEntity.accepted()
                    .body(Map.of("caseNumber", caseNumber, "verdict", body.verdict(), "duplicate", true));
            case NOT_YOURS -> Problems.of(HttpStatus.FORBIDDEN, "Not your case",
                    "Case " + caseNumber + " is not routed to " + principal.getName() + " for verification");
            case NOT_WAITING -> Problems.of(HttpStatus.CONFLICT, "Not waiting for a verdict",
                    "Case " + caseNumber + " is not waiting for a verdict (none requested, or answered already)");
            case SUPERSEDED -> Problems.of(HttpStatus.CONFLICT, "Verification round closed",
                    "Case " + caseNumber + " was re-routed before this verdict arrived: the round it answers is closed,"
                            + " and the verdict was not applied");
        };
    }

    /** Registers a rights holder (for brands) or an accredited lab (for categories); admin only. */
    @PutMapping(path = "/api/verifiers/{verifierId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(@PathVariable String verifierId, @Valid @RequestBody Verifier body) {
        try {
            registry.register(verifierId, body.kind().name(), body.name(), body.covers());
        } catch (VerifierRegistry.BrandTaken e) {
            return Problems.of(HttpStatus.CONFLICT, "Brand registered to another rights holder", e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }


    enum Kind { RIGHTS_HOLDER, LAB }

    /** {@code round}: optional, the round of the verification request being answered. */
    record VerdictBody(@NotNull Verdict verdict, @NotBlank @Size(max = 200) String reportReference,
                   @Size(max = 4000) String notes, @Positive Integer round) {
    }

    /** {@code covers}: brands for a rights holder, categories for a lab. */
    record Verifier(@NotNull Kind kind, @NotBlank @Size(max = 200) String name,
                    @NotNull List<@NotBlank @Size(max = 200) String> covers) {
    }
}
