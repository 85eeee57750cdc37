package org.spotcheck.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.spotcheck.cases.domain.Paging;
import org.spotcheck.security.Groups;
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
class CaseController {

    // a deep page walks only the case's own entries on its index, not the whole table as a deep search would
    private static final int MAX_ENTRY_PAGE = 1_000_000;

    private final CaseViewProjection queries;

    CaseController(CaseViewProjection queries) {
        this.queries = queries;
    }

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
    @GetMapping("/{caseNumber}/flags")
    CaseView.Page<CaseView.Flag> flags(@PathVariable @PlainKey(max = 30) String caseNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_ENTRY_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return queries.flags(caseNumber, new Paging(page, size));
    }

    /** Every timeline entry of the case, oldest first; the case view shows the newest {@value CaseView#SHOWN}. */
    @GetMapping("/{caseNumber}/timeline")
    CaseView.Page<CaseView.TimelineEntry> timeline(@PathVariable @PlainKey(max = 30) String caseNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_ENTRY_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return queries.timeline(caseNumber, new Paging(page, size));
    }

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
