package org.spotcheck.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Flags in (one, or a batch), and what became of a flag or a listing (CONTRACT.md, "Flags and cases"). */
@RestController
@Validated
class FlagController {

    static final int MAX_BATCH = 1000;

    private final IntakeService intake;
    private final FlagQueries queries;
    private final FlagMapper mapper;
    private final ObjectMapper json;
    private final Validator validator;
    private final NotifierStanding standing;

    FlagController(IntakeService intake, FlagQueries queries, FlagMapper mapper, ObjectMapper json, Validator validator,
                   NotifierStanding standing) {
        this.standing = standing;
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

    @PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> flag(@Valid @RequestBody FlagRequest request, Principal principal) {
        NewFlag flag = mapper.toNewFlag(request);
        NotifierStanding.Suspension suspended = flag.reporter() == null ? null
                : standing.suspended(List.of(flag.reporter())).get(flag.reporter());
        if (suspended != null && queries.flag(flag.flagId()).isEmpty()) { // a resend is answered as the first time
            ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "Reporter suspended", refusal(suspended));
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
    @PostMapping(path = "/api/flags", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> flags(@RequestBody JsonNode body, Principal principal) {
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
        Map<String, NotifierStanding.Suspension> suspended = standing.suspended(valid.stream().map(NewFlag::reporter)
                .filter(java.util.Objects::nonNull).distinct().toList());
        for (int i = valid.size() - 1; i >= 0 && !suspended.isEmpty(); i--) {
            NewFlag flag = valid.get(i);
            NotifierStanding.Suspension refused = flag.reporter() == null ? null : suspended.get(flag.reporter());
            if (refused != null && queries.flag(flag.flagId()).isEmpty()) {
                results.set(validAt.get(i), new BatchResult(flag.flagId(), null, null, null, null, false,
                        List.of(new FieldErrors.FieldError("reporterId", refusal(refused)))));
                valid.remove(i);
                validAt.remove(i);
            }
        }
    }

    /** What a suspended reporter is told: why, and until when. */
    static String refusal(NotifierStanding.Suspension suspended) {
        return "reporter " + suspended.reporterId() + " is suspended until " + suspended.until() + ": "
                + suspended.reason();
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

    @GetMapping("/api/flags/{flagId}")
    ResponseEntity<?> flag(@PathVariable @PlainKey String flagId) {
        return queries.flag(flagId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.of(
                HttpStatus.NOT_FOUND, "Flag not found", "No flag " + flagId + " on record (unknown, or past its retention)"));
    }

    @GetMapping("/api/listings/{platform}/{listingId}")
    ResponseEntity<?> listing(@PathVariable @PlainKey(max = 50) String platform,
                              @PathVariable @PlainKey String listingId) {
        return queries.listing(platform, listingId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Listing not found", "No flag for listing " + platform + ":"
                        + listingId + " on record"));
    }
}
