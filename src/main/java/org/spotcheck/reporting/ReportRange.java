package org.spotcheck.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Days {@code first}..{@code last} of a report, inclusive, UTC; by default the last 30 days. */
record ReportRange(LocalDate first, LocalDate last) {

    static ReportRange of(LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || first.plusYears(10).isBefore(last)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "from must not be after to, and the range at most 10 years"), null);
        }
        return new ReportRange(first, last);
    }

    OffsetDateTime start() {
        return first.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the range. */
    OffsetDateTime end() {
        return last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
