package org.spotcheck.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence", description = "Evidence and its chain of custody: every entry hash-chained to the one before,"
        + " exported as a signed bundle for courts and authorities.")
class EvidenceController {

    private final EvidenceService evidence;
    private final CustodyLog custody;
    private final CaseRepository cases;
    private final EvidenceBundle bundles;

    EvidenceController(EvidenceService evidence, CustodyLog custody, CaseRepository cases, EvidenceBundle bundles) {
        this.evidence = evidence;
        this.custody = custody;
        this.cases = cases;
        this.bundles = bundles;
    }

    /** The case's evidence and custody chain, signed: {bundle (base64 JSON), signature, algorithm, publicKey}. */
    @Operation(summary = "A case's evidence bundle, signed", description = """
            Roles: staff groups. The case's listing, evidence items and custody chain as one JSON document \
            (`bundle`, base64), signed with Ed25519: check `signature` over the decoded bytes with `publicKey`.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "200", description = "The bundle and its signature", content = @Content(examples =
            @ExampleObject(value = """
                    {"bundle": "eyJmb3JtYXQiOiJzcG90Y2hlY2stZXZpZGVuY2UtYnVuZGxlLXYxIiwiY2FzZU51bWJlciI6IkNGLTIwMjYtMDAwMDAxIn0=", \
                    "signature": "q3J5dGZ1bGx5c2lnbmVkYnl0aGVldmlkZW5jZWtleS4uLg==", "algorithm": "Ed25519", \
                    "publicKey": "-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\\n\
                    -----END PUBLIC KEY-----\\n"}""")))
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @GetMapping("/api/cases/{caseNumber}/evidence-bundle")
    java.util.Map<String, Object> bundle(@PathVariable String caseNumber) throws Exception {
        return bundles.export(caseNumber);
    }

    /** The case's chain of custody, oldest entry first. */
    @Operation(summary = "A case's chain of custody", description = """
            Roles: staff groups. Every custody entry of the case's evidence, oldest first, with the hash of the \
            entry before it and its own.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "200", description = "The custody entries, oldest first", useReturnTypeSchema = true)
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @GetMapping("/api/cases/{caseNumber}/custody")
    List<EvidenceService.Entry> custody(@PathVariable String caseNumber) {
        return evidence.chain(cases.require(caseNumber).pk());
    }

    /** Recomputes every hash chain; names the first entry that does not hold. */
    @Operation(summary = "Check every custody chain", description = """
            Roles: staff groups. Recomputes every hash chain; `firstBrokenEntry` names the first entry that does \
            not hold (none when `intact`).""")
    @ApiResponse(responseCode = "200", description = "Whether the chains hold", useReturnTypeSchema = true)
    @GetMapping("/api/evidence/verify")
    CustodyLog.Verification verify() {
        return custody.verify();
    }
}
