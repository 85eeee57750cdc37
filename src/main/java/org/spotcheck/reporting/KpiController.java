package org.spotcheck.reporting;

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
class KpiController {

    private final KpiProjection kpis;

    KpiController(KpiProjection kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/api/reports/kpis")
    Map<String, Object> kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportRange range = ReportRange.of(from, to);
        return kpis.between(range.first(), range.last());
    }
}
