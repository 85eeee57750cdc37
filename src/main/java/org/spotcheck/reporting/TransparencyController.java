package org.spotcheck.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transparency report over days {@code from}..{@code to} (inclusive, UTC), as JSON or CSV. */
@RestController
class TransparencyController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final TransparencyProjection report;

    TransparencyController(TransparencyProjection report) {
        this.report = report;
    }

    /** JSON, or with {@code Accept: text/csv} one row per figure ({@code section,item,value}) for a spreadsheet. */
    @GetMapping("/api/reports/transparency")
    ResponseEntity<?> report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportRange range = ReportRange.of(from, to);
        if (accept == null || !MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(CSV)
                && !t.isWildcardType())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.between(range));
        }
        StringBuilder csv = new StringBuilder("section,item,value\r\n");
        report.between(range).forEach((section, value) -> {
            if (value instanceof Map<?, ?> figures) {
                figures.forEach((item, figure) -> row(csv, section, String.valueOf(item), figure));
            } else {
                row(csv, section, "", value);
            }
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transparency-" + range.first() + "-"
                        + range.last() + ".csv\"").body(csv.toString());
    }

    private static void row(StringBuilder csv, String section, String item, Object value) {
        csv.append(Csv.row(List.of(section, item, value == null ? "" : String.valueOf(value))));
    }

}
