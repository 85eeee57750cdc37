package org.spotcheck.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.intake.domain.Category;
import org.spotcheck.security.Groups;
import org.spotcheck.security.WebappLogin;
import org.spotcheck.web.Problems;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dashboard}: the managers' page, for whoever is signed in to the Camunda webapps
 * as a manager, process owner or admin (same users, same login: no second password). A
 * visitor without a webapp session is sent to the webapps' login; anyone else signed in is
 * refused. The page draws {@code /dashboard/data}; every chart's numbers come as CSV too.
 */
@RestController
class DashboardController {

    static final List<String> READERS = List.of(Groups.MANAGERS, Groups.PROCESS_OWNERS, Groups.ADMIN);
    static final String LOGIN = "/camunda/app/welcome/default/#!/login";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final DashboardProjection dashboard;

    DashboardController(DashboardProjection dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    ResponseEntity<?> page(HttpServletRequest request) throws IOException {
        Optional<WebappLogin.Login> login = WebappLogin.of(request);
        if (login.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, LOGIN).build();
        }
        if (!login.get().memberOfAny(READERS)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(HTML).body(page("dashboard/refused.html")
                    .replace("{{user}}", org.springframework.web.util.HtmlUtils.htmlEscape(login.get().userId())));
        }
        return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page("dashboard/index.html"));
    }

    @GetMapping(path = "/dashboard/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> data(HttpServletRequest request,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) String category) {
        ResponseEntity<?> refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        String chosen = category(category);
        ReportRange range = ReportRange.of(from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", range.first());
        body.put("to", range.last());
        body.put("category", chosen);
        body.put("categories", Arrays.stream(Category.values()).map(Enum::name).toList());
        body.put("user", WebappLogin.of(request).orElseThrow().userId());
        body.put("charts", dashboard.charts(range, chosen));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    /** One chart's numbers, a row per label and a column per series, for a spreadsheet. */
    @GetMapping("/dashboard/data.csv")
    ResponseEntity<?> csv(HttpServletRequest request, @RequestParam String chart,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String category) {
        ResponseEntity<?> refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        ReportRange range = ReportRange.of(from, to);
        DashboardProjection.Chart numbers = dashboard.charts(range, category(category)).get(chart);
        if (numbers == null) {
            return Problems.invalid("chart", "must be one of budget, funnel, hitRate, takedown, waiting, tasks, appeals");
        }
        List<String> header = new java.util.ArrayList<>(List.of("label"));
        header.addAll(numbers.series().keySet());
        StringBuilder csv = new StringBuilder(Csv.row(header));
        for (int i = 0; i < numbers.labels().size(); i++) {
            List<String> row = new java.util.ArrayList<>(List.of(numbers.labels().get(i)));
            for (List<Object> values : numbers.series().values()) {
                Object value = values.get(i);
                row.add(value == null ? "" : value.toString());
            }
            csv.append(Csv.row(row));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spotcheck-" + chart + "-" + range.first()
                        + "-" + range.last() + ".csv\"").body(csv.toString());
    }

    private static ResponseEntity<?> refusal(HttpServletRequest request) {
        Optional<WebappLogin.Login> login = WebappLogin.of(request);
        if (login.isEmpty()) {
            return Problems.of(HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in to the webapps first: " + LOGIN);
        }
        if (!login.get().memberOfAny(READERS)) {
            return Problems.of(HttpStatus.FORBIDDEN, "Managers, process owners and admins only",
                    login.get().userId() + " may not see the dashboard");
        }
        return null;
    }

    /** @return the category asked for, or null for all; an unknown one is a bad request */
    private static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return Category.valueOf(category.trim()).name();
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "category must be one of " + Arrays.toString(Category.values())), e);
        }
    }

    private static String page(String name) throws IOException {
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
