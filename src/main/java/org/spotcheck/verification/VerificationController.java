package org.spotcheck.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.spotcheck.web.ApiProblem;
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
@Tag(name = "Verification", description = "Verdicts on test-bought items from the rights holder or an accredited lab"
        + " the case is routed to, and the register of verifiers.")
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
    @Operation(summary = "Return a verdict", description = """
            Role: verifiers; only the verifier the case is routed to. The same verdict again is `202` with \
            `"duplicate": true`. `round` (optional) is the `round` of the verification request answered: a verdict \
            for a round that is not the waiting one, or that was re-routed meanwhile (the 30-day timer), is `409` \
            and never applied to the next round.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "202", description = "The verdict was accepted", content = @Content(examples = {
            @ExampleObject(name = "accepted", value = "{\"caseNumber\": \"CF-2026-000001\", \"verdict\": \"COUNTERFEIT\"}"),
            @ExampleObject(name = "the same verdict again", value = "{\"caseNumber\": \"CF-2026-000001\","
                    + " \"verdict\": \"COUNTERFEIT\", \"duplicate\": true}")}))
    @ApiProblem(status = 403, title = "Not your case", detail = "Case CF-2026-000001 is not routed to rh-acme for verification")
    @ApiProblem(status = 409, title = "Not waiting for a verdict", detail = "Case CF-2026-000001 is not waiting for a"
            + " verdict (none requested, or answered already)")
    @ApiProblem(status = 409, title = "Verification round closed", detail = "Case CF-2026-000001 was re-routed before"
            + " this verdict arrived: the round it answers is closed, and the verdict was not applied")
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
    @Operation(summary = "Register a verifier", description = """
            Role: admin. A rights holder for its brands, or an accredited lab for product categories; `verifierId` \
            is the Camunda user it signs in as. Brands match regardless of case (`ACME` is `Acme`): one the verifier \
            holds already in another spelling changes nothing; one another rights holder holds is `409`, and \
            nothing of the request is kept.""")
    @Parameter(name = "verifierId", example = "rh-acme")
    @ApiResponse(responseCode = "204", description = "Registered")
    @ApiProblem(status = 409, title = "Brand registered to another rights holder", detail = "Brand 'Acme' is registered"
            + " to rh-acme already (brands match regardless of case)")
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
    record VerdictBody(@Schema(example = "COUNTERFEIT") @NotNull Verdict verdict,
                       @Schema(description = "the verifier's own report", example = "ACME-LAB-2026-0042")
                       @NotBlank @Size(max = 200) String reportReference,
                       @Schema(example = "Batch code and hologram do not match Acme's records") @Size(max = 4000) String notes,
                       @Schema(description = "the round of the verification request answered", example = "1")
                       @Positive Integer round) {
    }

    /** {@code covers}: brands for a rights holder, categories for a lab. */
    record Verifier(@Schema(example = "RIGHTS_HOLDER") @NotNull Kind kind,
                    @Schema(example = "Acme Brands Ltd.") @NotBlank @Size(max = 200) String name,
                    @ArraySchema(arraySchema = @Schema(description = "brands for a rights holder, categories for a lab"),
                            schema = @Schema(example = "Acme"))
                    @NotNull List<@NotBlank @Size(max = 200) String> covers) {
    }
}
