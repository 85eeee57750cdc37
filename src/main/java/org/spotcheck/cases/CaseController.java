package org.spotcheck.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.spotcheck.cases.domain.Paging;
import org.spotcheck.security.Groups;
import org.spotcheck.web.ApiProblem;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A case is work on a listing: triage, the test buy, evidence, verification,"
        + " sanctions, referral, appeal. The case view with its timeline, its flags and timeline in full, and search.")
class CaseController {

    // a deep page walks only the case's own entries on its index, not the whole table as a deep search would
    private static final int MAX_ENTRY_PAGE = 1_000_000;

    private final CaseViewProjection queries;

    CaseController(CaseViewProjection queries) {
        this.queries = queries;
    }

    @Operation(summary = "A case, with its timeline", description = """
            Roles: staff groups; a verifier for the cases routed to it. The listing, flags, triage, purchase, \
            evidence, verification, sanction (with the platform commands and statement of reasons), referral, \
            appeal and timeline. Flags and timeline: the newest 100 of each, oldest first; `flagsTotal` and \
            `timelineTotal` count all. A verifier gets a reduced view: listing, parcel evidence and its \
            verification; no flags, triage, purchase, video, staff names or timeline.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "200", description = "The case view (a verifier's reduced view)", useReturnTypeSchema = true)
    @ApiProblem(status = 403, title = "Forbidden", detail = "Case CF-2026-000001 is not routed to you")
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @GetMapping("/{caseNumber}")
    CaseView view(@PathVariable @PlainKey(max = 30) String caseNumber, Authentication user) {
        boolean staff = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> Groups.STAFF.stream().map(Groups::authority).anyMatch(a::equals));
        if (staff) {
            return queries.view(caseNumber);
        }
        if (!queries.isVerifierOf(caseNumber, user.getName())) {
            // the same answer whether or not the case exists: nothing to learn about other cases
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Case " + caseNumber + " is not routed to you"), null);
        }
        return queries.view(caseNumber).forVerifier();
    }

    /** Every flag of the case, oldest first; the case view shows the newest {@value CaseView#SHOWN}. Staff only. */
    @Operation(summary = "All flags of a case, paged", description = """
            Roles: staff groups. Oldest first: new flags only add pages at the end. `size` at most 100.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "200", description = "A page of the case's flags", useReturnTypeSchema = true)
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @GetMapping("/{caseNumber}/flags")
    CaseView.Page<CaseView.Flag> flags(@PathVariable @PlainKey(max = 30) String caseNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_ENTRY_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return queries.flags(caseNumber, new Paging(page, size));
    }

    /** Every timeline entry of the case, oldest first; the case view shows the newest {@value CaseView#SHOWN}. */
    @Operation(summary = "The whole timeline of a case, paged", description = """
            Roles: staff groups. Oldest first: new entries only add pages at the end. `size` at most 100.""")
    @Parameter(name = "caseNumber", example = "CF-2026-000001")
    @ApiResponse(responseCode = "200", description = "A page of the case's timeline", useReturnTypeSchema = true)
    @ApiProblem(status = 404, title = "Case not found", detail = "No case CF-2026-000001")
    @GetMapping("/{caseNumber}/timeline")
    CaseView.Page<CaseView.TimelineEntry> timeline(@PathVariable @PlainKey(max = 30) String caseNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_ENTRY_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return queries.timeline(caseNumber, new Paging(page, size));
    }

    @Operation(summary = "Search cases", description = """
            Roles: staff groups. Newest first, by any of the criteria; `flagId` finds the case a flag opened or \
            joined. `size` at most 100 (default 20), within the first 10,000 results: a deeper page is `400` naming \
            `page` (narrow the criteria instead). `total` counts up to 10,000 (past that `10000` with \
            `"totalExact": false`); `hasMore` says whether rows follow the page.""")
    @ApiResponse(responseCode = "200", description = "A page of case summaries", useReturnTypeSchema = true)
    @ApiProblem(status = 400, title = "Invalid request", field = "page", detail = "page page × size reaches past the first"
            + " 10000 results (page 600 of size 20 starts at result 12001); narrow the search with flagId, listingId,"
            + " sellerId, status or outcome instead")
    @GetMapping
    CaseView.Page<CaseView.Summary> search(@RequestParam(required = false) @PlainKey String flagId,
            @RequestParam(required = false) @PlainKey String listingId,
            @RequestParam(required = false) @PlainKey String sellerId,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.SEARCH_REACH) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Paging paging = new Paging(page, size);
        if (!paging.withinSearchReach()) {
            // deep offsets make the database walk past every earlier row: the criteria narrow better
            throw invalid("page", "page × size reaches past the first " + Paging.SEARCH_REACH + " results (page "
                    + page + " of size " + size + " starts at result " + (paging.offset() + 1) + "); narrow the "
                    + "search with flagId, listingId, sellerId, status or outcome instead");
        }
        return queries.search(new CaseSearch(flagId, listingId, sellerId, status, outcome, paging));
    }

    /** A 400 naming the bad parameter, as the validation of the others names theirs. */
    private static ErrorResponseException invalid(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(field, message).getBody(), null);
    }
}
