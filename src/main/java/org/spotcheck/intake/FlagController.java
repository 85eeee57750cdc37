package org.spotcheck.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spotcheck.cases.PlainKey;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.web.ApiProblem;
import org.spotcheck.web.FieldErrors;
import org.spotcheck.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Flags in (one, or a batch), and what became of a flag or a listing (CONTRACT.md, "Flags and cases").
 * Size: the four doors of intake, each with its OpenAPI description, and the per-flag checks of a batch.
 */
@RestController
@Validated
@Tag(name = "Flags", description = "Flags in from risk models, consumer disputes and rights holders (one, or a batch of"
        + " up to 1,000), and what became of a flag or a listing. A flag opens a case only when there is work: a test"
        + " buy or a review; most are recorded with their triage decision, and the listing is watched.")
class FlagController {

    static final int MAX_BATCH = 1000;

    private final IntakeService intake;
    private final FlagQueries queries;
    private final FlagMapper mapper;
    private final ObjectMapper json;
    private final Validator validator;
    private final SuspendedReporters suspended;

    FlagController(IntakeService intake, FlagQueries queries, FlagMapper mapper, ObjectMapper json, Validator validator,
                   SuspendedReporters suspended) {
        this.suspended = suspended;
        this.intake = intake;
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
        this.validator = validator;
    }

    /** The answer of {@code POST /api/cases}: the case a flag opened or joined, or only its decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseAnswer(String caseNumber, String status, String processInstanceId, String flagId, String decision,
                      Integer priority, String mergedInto) {

        static CaseAnswer of(FlagAnswer answer) {
            return new CaseAnswer(answer.caseNumber(), answer.status(), answer.processInstanceId(), answer.flagId(),
                    answer.decision(), answer.priority(), answer.mergedInto());
        }
    }

    @Operation(summary = "Send one flag", description = """
            Role: integrations. Triage decides what the flag is: one for a test buy or an analyst review (or drawn \
            for an exploration buy) opens a case, `201`; one triaged MONITOR or DISMISS and not drawn opens none, \
            `200`; one for a listing with an open case joins that case, `200` with `mergedInto`. The same `flagId` \
            again answers `200` with the first answer, nothing new. Invalid: `400`, nothing stored.""")
    @ApiResponse(responseCode = "201", description = "A case was opened", headers = @Header(name = "Location",
            description = "/api/cases/{caseNumber}"), content = @Content(schema = @Schema(implementation = CaseAnswer.class),
            examples = @ExampleObject(value = """
                    {"caseNumber": "CF-2026-000001", "status": "AWAITING_PURCHASE", "processInstanceId": \
                    "6f1c2a9e-d4b1-11f0-9a42-0242ac120002", "flagId": "RM-2026-000001", "decision": "TEST_BUY", "priority": 1}""")))
    @ApiResponse(responseCode = "200", description = "No case opened: triaged and watched, joined the listing's open case,"
            + " or the same flag again", headers = @Header(name = "Location", description = "/api/flags/{flagId}, or the"
            + " case it joined"), content = @Content(schema = @Schema(implementation = CaseAnswer.class), examples = {
            @ExampleObject(name = "triaged", value = """
                    {"flagId": "RM-2026-000002", "decision": "MONITOR", "priority": 3}"""),
            @ExampleObject(name = "merged", value = """
                    {"caseNumber": "CF-2026-000001", "status": "AWAITING_PURCHASE", "processInstanceId": \
                    "6f1c2a9e-d4b1-11f0-9a42-0242ac120002", "flagId": "RM-2026-000003", "mergedInto": "CF-2026-000001"}""")}))
    @ApiProblem(status = 403, title = "Reporter suspended", detail = "reporter rh-acme is suspended until"
            + " 2027-03-01T00:00:00Z: 8 of 10 verdicts genuine (the problem also has suspendedUntil and reason)")
    @PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> flag(@Valid @RequestBody FlagRequest request, Principal principal) {
        // Size: most of it is its OpenAPI description above, an example of each answer
        NewFlag flag = mapper.toNewFlag(request);
        String refusal = suspended.refusals(List.of(flag)).get(flag.flagId());
        if (refusal != null) {
            NotifierStanding.Suspension suspended = this.suspended.of(flag);
            ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "Reporter suspended", refusal);
            problem.setProperty("suspendedUntil", suspended.until().toString());
            problem.setProperty("reason", suspended.reason());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        FlagAnswer answer = intake.receiveAndStart(flag, principal.getName());
        CaseAnswer body = CaseAnswer.of(answer);
        if (answer.opened()) {
            return ResponseEntity.created(URI.create("/api/cases/" + answer.caseNumber())).body(body);
        }
        // a flag id may hold any character but control ones: encoded, never taken as a path
        URI location = answer.caseNumber() == null
                ? UriComponentsBuilder.fromPath("/api/flags/{id}").buildAndExpand(answer.flagId()).encode().toUri()
                : URI.create("/api/cases/" + answer.caseNumber());
        return ResponseEntity.ok().location(location).body(body);
    }

    /** One result of {@code POST /api/flags}, in request order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchResult(String flagId, String decision, Integer priority, String caseNumber, String mergedInto,
                       boolean duplicate, List<FieldErrors.FieldError> errors) {
    }

    record BatchAnswer(List<BatchResult> results) {
    }

    /**
     * A batch of flags in one transaction. Each flag is checked on its own: an invalid one is
     * answered with its errors and not stored, the valid ones are.
     */
    @Operation(summary = "Send a batch of flags", description = """
            Role: integrations. At most 1,000 flags and 4 MiB, in one transaction; the results come in request order. \
            Each flag is checked on its own: an invalid one (or one of a suspended reporter) gets its `errors` and is \
            not stored, the valid ones are. A flag id twice in one batch: the second is `"duplicate": true`. \
            No `flags` list, or over 1,000 flags: `400`, nothing stored.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schemaProperties = @SchemaProperty(name = "flags", array = @ArraySchema(maxItems = MAX_BATCH,
                            schema = @Schema(implementation = FlagRequest.class))))))
    @ApiResponse(responseCode = "200", description = "One result per flag, in request order", content = @Content(
            schema = @Schema(implementation = BatchAnswer.class), examples = @ExampleObject(value = """
                    {"results": [
                      {"flagId": "RM-2026-000001", "decision": "TEST_BUY", "priority": 1, "caseNumber": "CF-2026-000001", \
                    "duplicate": false},
                      {"flagId": "RM-2026-000002", "decision": "MONITOR", "priority": 3, "duplicate": false},
                      {"flagId": "RM-2026-000001", "decision": "TEST_BUY", "priority": 1, "caseNumber": "CF-2026-000001", \
                    "duplicate": true},
                      {"flagId": "RM-2026-000004", "duplicate": false, "errors": [{"field": "signals.riskScore", \
                    "message": "must be less than or equal to 1"}]}]}""")))
    @ApiProblem(status = 400, title = "Invalid request", detail = "flags must hold at most 1000 flags, not 1001",
            field = "flags")
    @PostMapping(path = "/api/flags", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> flags(@RequestBody JsonNode body, Principal principal) {
        // Size: most of it is its OpenAPI description above, an example of each answer
        JsonNode flags = body == null ? null : body.get("flags");
        if (flags == null || !flags.isArray()) {
            return Problems.invalid("flags", "must be a list of flags");
        }
        if (flags.size() > MAX_BATCH) {
            return Problems.invalid("flags", "must hold at most " + MAX_BATCH + " flags, not " + flags.size());
        }
        List<BatchResult> results = new ArrayList<>(flags.size());
        List<NewFlag> valid = new ArrayList<>(flags.size());
        List<Integer> validAt = new ArrayList<>(flags.size());
        for (JsonNode node : flags) {
            List<FieldErrors.FieldError> errors = new ArrayList<>();
            NewFlag flag = read(node, errors);
            if (flag == null) {
                results.add(new BatchResult(node.path("flagId").isTextual() ? node.get("flagId").asText() : null, null,
                        null, null, null, false, errors));
            } else {
                validAt.add(results.size());
                results.add(null);
                valid.add(flag);
            }
        }
        refuseSuspended(valid, validAt, results);
        if (!valid.isEmpty()) {
            List<FlagAnswer> answers = intake.receiveBatch(valid, principal.getName());
            for (int i = 0; i < answers.size(); i++) {
                FlagAnswer a = answers.get(i);
                results.set(validAt.get(i), new BatchResult(a.flagId(), a.decision(), a.priority(), a.caseNumber(),
                        a.mergedInto(), a.duplicate(), null));
            }
        }
        return ResponseEntity.ok(new BatchAnswer(results));
    }

    /** A suspended reporter's flag is answered with the reason and not stored, as an invalid flag is not. */
    private void refuseSuspended(List<NewFlag> valid, List<Integer> validAt, List<BatchResult> results) {
        Map<String, String> refused = suspended.refusals(valid);
        for (int i = valid.size() - 1; i >= 0 && !refused.isEmpty(); i--) {
            NewFlag flag = valid.get(i);
            String refusal = refused.get(flag.flagId());
            if (refusal != null) {
                results.set(validAt.get(i), new BatchResult(flag.flagId(), null, null, null, null, false,
                        List.of(new FieldErrors.FieldError("reporterId", refusal))));
                valid.remove(i);
                validAt.remove(i);
            }
        }
    }

    private NewFlag read(JsonNode node, List<FieldErrors.FieldError> errors) {
        FlagRequest request;
        try {
            request = json.treeToValue(node, FlagRequest.class);
        } catch (Exception e) {
            errors.add(FieldErrors.of(e).orElse(new FieldErrors.FieldError("flag", "is not a valid flag")));
            return null;
        }
        if (request == null) {
            errors.add(new FieldErrors.FieldError("flag", "must not be null"));
            return null;
        }
        Set<ConstraintViolation<FlagRequest>> violations = validator.validate(request);
        violations.stream().map(v -> new FieldErrors.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldErrors.FieldError::field)).forEach(errors::add);
        return errors.isEmpty() ? mapper.toNewFlag(request) : null;
    }

    @Operation(summary = "A flag and its decision", description = """
            Roles: staff groups, integrations (the risk model reads back what became of its flags). A flag that \
            opened or joined no case is kept 180 days; a flag of a case is kept with the case.""")
    @Parameter(name = "flagId", example = "RM-2026-000002")
    @ApiResponse(responseCode = "200", description = "The flag as received, its triage decision and its case, if any",
            content = @Content(schema = @Schema(implementation = FlagQueries.FlagView.class), examples = @ExampleObject(
                    value = """
                    {"flagId": "RM-2026-000002", "receivedAt": "2026-12-01T08:15:30Z", "source": "RISK_MODEL", \
                    "listing": {"platform": "taobao", "listingId": "L-2002", "shopId": "S-77", "sellerId": "SELLER-9", \
                    "title": "Acme hoodie", "brand": "Acme", "category": "APPAREL", "priceCny": 129.00}, \
                    "signals": {"riskScore": 0.3}, "decision": "MONITOR", "priority": 3, "exploration": false}""")))
    @ApiProblem(status = 404, title = "Flag not found", detail = "No flag RM-2026-000002 on record (unknown, or past its"
            + " retention)")
    @GetMapping("/api/flags/{flagId}")
    ResponseEntity<?> flag(@PathVariable @PlainKey String flagId) {
        return queries.flag(flagId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.of(
                HttpStatus.NOT_FOUND, "Flag not found", "No flag " + flagId + " on record (unknown, or past its retention)"));
    }

    @Operation(summary = "A listing's watch record and cases", description = """
            Roles: staff groups. The listing as last flagged, how often it was flagged in the last 30 days (an input \
            of triage), its open case and its newest 100 case numbers.""")
    @Parameter(name = "platform", example = "taobao")
    @Parameter(name = "listingId", example = "L-1001")
    @ApiResponse(responseCode = "200", description = "The listing, its watch record and cases", content = @Content(
            schema = @Schema(implementation = FlagQueries.ListingView.class), examples = @ExampleObject(value = """
                    {"listing": {"platform": "taobao", "listingId": "L-1001", "shopId": "S-77", "sellerId": "SELLER-9", \
                    "title": "Acme serum 50ml", "brand": "Acme", "category": "COSMETICS", "priceCny": 89.0, \
                    "url": "https://shop.example/l/1001"}, "watch": {"flagsLast30Days": 2, "lastDecision": "TEST_BUY", \
                    "firstFlaggedAt": "2026-11-20T09:00:00Z", "lastFlaggedAt": "2026-12-01T08:15:30Z"}, \
                    "openCase": "CF-2026-000001", "cases": ["CF-2026-000001"]}""")))
    @ApiProblem(status = 404, title = "Listing not found", detail = "No flag for listing taobao:L-9999 on record")
    @GetMapping("/api/listings/{platform}/{listingId}")
    ResponseEntity<?> listing(@PathVariable @PlainKey(max = 50) String platform,
                              @PathVariable @PlainKey String listingId) {
        return queries.listing(platform, listingId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Listing not found", "No flag for listing " + platform + ":"
                        + listingId + " on record"));
    }
}
