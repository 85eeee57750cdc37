package org.spotcheck.purchase;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spotcheck.budget.*}: the default yearly budget (managers may set a year's budget
 * through {@code PUT /api/budget}), the shipping estimate added to a listing's price when
 * reserving, how long a persona stays unusable for a seller after buying from it, and how
 * often waiting cases are retried.
 */
@ConfigurationProperties("spotcheck.budget")
@Validated
record BudgetProperties(@NotNull @DecimalMin("0") BigDecimal yearlyCny,
                        @NotNull @DecimalMin("0") BigDecimal shippingEstimateCny,
                        @NotNull Duration personaCooldown) {
}
