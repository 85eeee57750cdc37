package org.spotcheck.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reports")
class TransparencyController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final TransparencyProjection report;

    TransparencyController(TransparencyProjection report) {
        this.report = report;
    }

    /** JSON, or with {@code Accept: text/csv} one row per figure ({@code section,item,value}) for a spreadsheet. */
    @Operation(summary = "The transparency report", description = """
            Roles: managers, admin. Days `from`..`to`, inclusive, UTC; the last 30 days by default. Notices by \
            source, restrictions by type (and how many rested on an automated decision), median hours flag → \
            restriction, appeals received, decided, upheld, reversed and reduced with the median days to decide, \
            counter-notices, restorations, reporters warned and suspended. JSON, or with `Accept: text/csv` one \
            row per figure (`section,item,value`; no cell starts a spreadsheet formula).""")
    @Parameter(name = "from", example = "2026-11-01")
    @Parameter(name = "to", example = "2026-11-30")
    @Parameter(name = "Accept", description = "text/csv for the CSV; JSON otherwise", example = "text/csv")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"from": "2026-11-01", "to": "2026-11-30", "noticesBySource": {"RISK_MODEL": 9120, \
                    "RIGHTS_HOLDER_REPORT": 310, "CONSUMER_DISPUTE": 95}, "restrictionsByType": {"WARN_SELLER": 12, \
                    "TAKE_DOWN_LISTING": 231, "CLOSE_SHOP": 40, "BAN_SELLER": 6}, "restrictionsAutomated": 289, \
                    "medianHoursFlagToRestriction": 270.5, "appeals": {"received": 12, "decided": 9, "upheld": 6, \
                    "reversed": 2, "reduced": 1, "medianDaysToDecide": 8.0}, "counterNotices": 3, \
                    "restorations": {"RESTORE_LISTING": 2, "REOPEN_SHOP": 1}, "reportersWarned": 1, "reportersSuspended": 0}""")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    section,item,value
                    from,,2026-11-01
                    to,,2026-11-30
                    noticesBySource,RISK_MODEL,9120
                    restrictionsByType,TAKE_DOWN_LISTING,231
                    appeals,received,12
                    """))})
    @GetMapping("/api/reports/transparency")
    ResponseEntity<?> report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        // Size: most of it is its OpenAPI description above, an example of each answer
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
