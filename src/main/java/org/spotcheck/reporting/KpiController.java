package org.spotcheck.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs for managers, over days {@code from}..{@code to} (inclusive, UTC), from {@link KpiProjection}.
 */
@RestController
@Tag(name = "Reports", description = "KPIs for managers and the transparency report (EU DSA), over a range of days.")
class KpiController {

    private final KpiProjection kpis;

    KpiController(KpiProjection kpis) {
        this.kpis = kpis;
    }

    @Operation(summary = "KPIs over a range of days", description = """
            Roles: managers, process-owners, admin. Days `from`..`to`, inclusive, UTC; the last 30 days by default. \
            Test buys, spend against the paced budget, hit rate (the counterfeit share of verdicts), shops covered, \
            median days flag → takedown, leads, arrests, sites closed, seized value, appeals.""")
    @Parameter(name = "from", example = "2026-11-01")
    @Parameter(name = "to", example = "2026-11-30")
    @ApiResponse(responseCode = "200", description = "The KPIs", content = @Content(examples = @ExampleObject(value = """
            {"from": "2026-11-01", "to": "2026-11-30", "testBuys": 412, "spendCny": 61850.00, "budgetCny": 8219178.08, \
            "counterfeitVerdicts": 231, "genuineVerdicts": 97, "hitRate": 0.704, "shopsCovered": 388, \
            "medianDaysFlagToTakedown": 11.5, "leads": 42, "arrests": 17, "sitesClosed": 9, "seizedValueCny": 3120000.00, \
            "appealsReceived": 12, "appealsDecided": 9, "appealsReversed": 2}""")))
    @GetMapping("/api/reports/kpis")
    Map<String, Object> kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportRange range = ReportRange.of(from, to);
        return kpis.between(range.first(), range.last());
    }
}
