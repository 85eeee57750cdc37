package org.spotcheck.triage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code spotcheck.triage.*} settings: the share of each day's test-buy allowance spent on exploration buys. */
@ConfigurationProperties("spotcheck.triage")
@Validated
record TriageProperties(@DecimalMin("0") @DecimalMax("1") double explorationShare) {
}
