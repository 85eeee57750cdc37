package org.spotcheck.triage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code spotcheck.triage.*} settings. */
@ConfigurationProperties("spotcheck.triage")
@Validated
record TriageProperties(@DecimalMin("0") @DecimalMax("1") double explorationShare, @NotBlank String explorationSeed) {
}
