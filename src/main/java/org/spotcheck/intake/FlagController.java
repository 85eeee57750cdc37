package org.spotcheck.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FlagController {

    private final IntakeService intake;
    private final FlagMapper mapper;

    FlagController(IntakeService intake, FlagMapper mapper) {
        this.intake = intake;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeResult> flag(@Valid @RequestBody FlagRequest request, Principal principal) {
        IntakeResult result = intake.receiveAndStart(mapper.toNewFlag(request), principal.getName());
        if (result.created()) {
            return ResponseEntity.created(URI.create("/api/cases/" + result.caseNumber())).body(result);
        }
        return ResponseEntity.ok(result);
    }
}
