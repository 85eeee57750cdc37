package org.spotcheck.standing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.spotcheck.web.ApiProblem;
import org.spotcheck.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A reporter's record and standing (staff; integrations, for the notice portal). */
@RestController
@Tag(name = "Reporters", description = "Notifier standing: who files notices, and how accurate they have been.")
class ReporterController {

    private final NotifierStanding standing;

    ReporterController(NotifierStanding standing) {
        this.standing = standing;
    }

    @Operation(summary = "A reporter's record and standing", description = """
            Roles: staff groups, integrations (the notice portal). Notices, test buys, counterfeit and genuine \
            verdicts, restrictions reversed on appeal, the counterfeit share, and the standing the \
            `notifier-standing` table gives: GOOD_FAITH (its notices are bought first), NORMAL, WARNED or SUSPENDED \
            (its flags are refused until `suspendedUntil`).""")
    @Parameter(name = "reporterId", example = "rh-acme")
    @ApiResponse(responseCode = "200", description = "The reporter's record", useReturnTypeSchema = true)
    @ApiProblem(status = 404, title = "Reporter not found", detail = "No notices on record from reporter rh-acme")
    @GetMapping("/api/reporters/{reporterId}")
    ReporterRecord reporter(@PathVariable String reporterId) {
        return standing.find(reporterId).orElseThrow(() -> new ReporterNotFound(reporterId));
    }

    static final class ReporterNotFound extends NotFoundException {
        ReporterNotFound(String reporterId) {
            super("Reporter not found", "No notices on record from reporter " + reporterId);
        }
    }
}
