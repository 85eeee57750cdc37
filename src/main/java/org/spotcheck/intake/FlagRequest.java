package org.spotcheck.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.spotcheck.intake.domain.Category;
import org.spotcheck.intake.domain.FlagSource;

/** Body of {@code POST /api/cases} (CONTRACT.md); the same shape arrives on {@code spotcheck.flags}. */
record FlagRequest(
        @NotBlank @Size(max = 100) String flagId,
        @NotNull FlagSource source,
        @NotNull @Valid ListingPart listing,
        @NotNull @Valid SignalsPart signals,
        @Valid IdentityPart sellerIdentity,
        // who reported it (a rights holder for RIGHTS_HOLDER_REPORT); optional
        @Size(max = 100) String reporterId) {

    record ListingPart(
            // no ':' — "platform:listingId" is the listing's key (and the Kafka key)
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+",
                    message = "must be letters, digits, '.', '_' or '-'") String platform,
            @NotBlank @Size(max = 100) String listingId,
            @NotBlank @Size(max = 100) String shopId,
            @NotBlank @Size(max = 100) String sellerId,
            @Size(max = 500) String title,
            @NotBlank @Size(max = 200) String brand,
            @NotNull Category category,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal priceCny,
            @Size(max = 2000) String url) {
    }

    record SignalsPart(
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal riskScore,
            @PositiveOrZero @Max(100_000_000) Integer disputeCount,
            @DecimalMin("0") @DecimalMax("5") BigDecimal avgRating,
            @PositiveOrZero Integer ratingCount,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal msrpCny,
            @PositiveOrZero Integer salesCount) {
    }

    record IdentityPart(
            @Size(max = 200) String idDocumentHash,
            @Size(max = 200) String bankAccountHash,
            @Size(max = 200) String phoneHash,
            @Size(max = 200) String dispatchAddressHash) {
    }
}
