package org.spotcheck.reporting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || first.plusYears(10).isBefore(last)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "from must not be after to, and the range at most 10 years"), null);
        }
        return kpis.between(first, last);
    }
}
