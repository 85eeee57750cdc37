package org.spotcheck.purchase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Budget and personas", description = "The test-buy budget, paced over the year, and the anonymous buyer"
        + " personas; cases wait for both.")
class BudgetController {

    private final BudgetService budget;
    private final WaitingCaseReleaser releaser;

    BudgetController(BudgetService budget, WaitingCaseReleaser releaser) {
        this.budget = budget;
        this.releaser = releaser;
    }

    @Operation(summary = "This year's test-buy budget", description = """
            Roles: managers, admin. The year's budget, spent and reserved, today's allowance, and the cases \
            waiting for budget in release order (at most `spotcheck.purchase.max-waiting`).""")
    @ApiResponse(responseCode = "200", description = "The budget and the waiting cases", useReturnTypeSchema = true)
    @GetMapping("/api/budget")
    BudgetService.Overview overview() {
        return budget.overview();
    }

    /** Sets a year's budget; waiting cases are released at once if it now covers them. */
    @Operation(summary = "Set a year's budget", description = """
            Role: admin. Waiting cases are released at once if the budget now covers them.""")
    @ApiResponse(responseCode = "200", description = "The budget as it is now", useReturnTypeSchema = true)
    @PutMapping(path = "/api/budget", consumes = MediaType.APPLICATION_JSON_VALUE)
    BudgetService.Overview setYearBudget(@Valid @RequestBody YearBudget body, Principal principal) {
        budget.setYearBudget(body.year(), body.totalCny(), principal.getName());
        releaser.releaseWaitingCases();
        return budget.overview();
    }

    record YearBudget(@Schema(example = "2026") @NotNull @Min(2000) @Max(2200) Integer year,
                      @Schema(example = "100000000")
                      @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalCny) {
    }
}
