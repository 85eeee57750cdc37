package org.spotcheck.purchase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.spotcheck.web.ApiProblem;
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
@Tag(name = "Budget and personas")
class PersonaController {

    private final PersonaService personas;
    private final WaitingCaseReleaser releaser;

    PersonaController(PersonaService personas, WaitingCaseReleaser releaser) {
        this.personas = personas;
        this.releaser = releaser;
    }

    @Operation(summary = "All buyer personas", description = "Role: admin. Active and deactivated personas.")
    @ApiResponse(responseCode = "200", description = "The personas", useReturnTypeSchema = true)
    @GetMapping("/api/personas")
    List<PersonaService.Persona> all() {
        return personas.all();
    }

    /** Adds a persona; cases waiting for one are released at once. */
    @Operation(summary = "Add a buyer persona", description = """
            Role: admin. An anonymous buyer identity for test purchases; cases waiting for a persona are released \
            at once.""")
    @ApiResponse(responseCode = "201", description = "The persona was added", useReturnTypeSchema = true)
    @ApiProblem(status = 409, title = "Persona exists", detail = "A persona with handle 'shopper-042' exists already")
    @PostMapping(path = "/api/personas", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PersonaService.Persona> create(@Valid @RequestBody NewPersona body) {
        PersonaService.Persona created = personas.create(body.handle().trim(), body.addressLabel().trim());
        releaser.releaseWaitingCases();
        return ResponseEntity.created(URI.create("/api/personas/" + created.id())).body(created);
    }

    @Operation(summary = "Deactivate a buyer persona", description = "Role: admin. It buys nothing more.")
    @Parameter(name = "id", example = "3")
    @ApiResponse(responseCode = "204", description = "Deactivated")
    @ApiProblem(status = 404, title = "Not Found", detail = "No persona 3")
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

    record NewPersona(@Schema(example = "shopper-042") @NotBlank @Size(max = 100) String handle,
                      @Schema(description = "the delivery address, shown only on the purchase task", example = "Locker 17, Pudong")
                      @NotBlank @Size(max = 200) String addressLabel) {
    }
}
