package org.spotcheck.purchase;

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
class BudgetController {

    private final BudgetService budget;
    private final WaitingCaseReleaser releaser;

    BudgetController(BudgetService budget, WaitingCaseReleaser releaser) {
        this.budget = budget;
        this.releaser = releaser;
    }

    @GetMapping("/api/budget")
    BudgetService.Overview overview() {
        return budget.overview();
    }

    /** Sets a year's budget; waiting cases are released at once if it now covers them. */
    @PutMapping(path = "/api/budget", consumes = MediaType.APPLICATION_JSON_VALUE)
    BudgetService.Overview setYearBudget(@Valid @RequestBody YearBudget body, Principal principal) {
        budget.setYearBudget(body.year(), body.totalCny(), principal.getName());
        releaser.releaseWaitingCases();
        return budget.overview();
    }

    record YearBudget(@NotNull @Min(2000) @Max(2200) Integer year,
                      @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalCny) {
    }
}
