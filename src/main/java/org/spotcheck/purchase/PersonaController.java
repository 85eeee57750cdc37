package org.spotcheck.purchase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.spotcheck.web.Problems;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Buyer personas, for administrators only (SecurityConfig). */
@RestController
class PersonaController {

    private final PersonaService personas;
    private final WaitingCaseReleaser releaser;

    PersonaController(PersonaService personas, WaitingCaseReleaser releaser) {
        this.personas = personas;
        this.releaser = releaser;
    }

    @GetMapping("/api/personas")
    List<PersonaService.Persona> all() {
        return personas.all();
    }

    /** Adds a persona; cases waiting for one are released at once. */
    @PostMapping(path = "/api/personas", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PersonaService.Persona> create(@Valid @RequestBody NewPersona body) {
        PersonaService.Persona created = personas.create(body.handle().trim(), body.addressLabel().trim());
        releaser.releaseWaitingCases();
        return ResponseEntity.created(URI.create("/api/personas/" + created.id())).body(created);
    }

    @PostMapping("/api/personas/{id}/deactivate")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        if (!personas.setActive(id, false)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No persona " + id), null);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(PersonaService.PersonaExistsException.class)
    ResponseEntity<ProblemDetail> exists(PersonaService.PersonaExistsException e) {
        return Problems.of(HttpStatus.CONFLICT, "Persona exists", e.getMessage());
    }

    record NewPersona(@NotBlank @Size(max = 100) String handle, @NotBlank @Size(max = 200) String addressLabel) {
    }
}
