package org.spotcheck.intake;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A flag: a signal about a listing (the same shape on the Kafka topic spotcheck.flags)")
record FlagRequest(
        @Schema(description = "the sender's id of the flag: the same id again is the same flag", example = "RM-2026-000001")
        @NotBlank @Size(max = 100) String flagId,
        @Schema(example = "RISK_MODEL") @NotNull FlagSource source,
        @NotNull @Valid ListingPart listing,
        @NotNull @Valid SignalsPart signals,
        @Schema(description = "the seller's identity keys as hashes, linking its shops into a network")
        @Valid IdentityPart sellerIdentity,
        // who reported it (a rights holder for RIGHTS_HOLDER_REPORT); optional
        @Schema(description = "who reported it (a rights holder for RIGHTS_HOLDER_REPORT); its notices are counted",
                example = "rh-acme")
        @Size(max = 100) String reporterId) {

    record ListingPart(
            // no ':' — "platform:listingId" is the listing's key (and the Kafka key)
            @Schema(example = "taobao") @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+",
                    message = "must be letters, digits, '.', '_' or '-'") String platform,
            @Schema(example = "L-1001") @NotBlank @Size(max = 100) String listingId,
            @Schema(example = "S-77") @NotBlank @Size(max = 100) String shopId,
            @Schema(example = "SELLER-9") @NotBlank @Size(max = 100) String sellerId,
            @Schema(example = "Acme serum 50ml") @Size(max = 500) String title,
            @Schema(example = "Acme") @NotBlank @Size(max = 200) String brand,
            @Schema(example = "COSMETICS") @NotNull Category category,
            @Schema(example = "89.00")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal priceCny,
            @Schema(example = "https://shop.example/l/1001") @Size(max = 2000) String url) {
    }

    record SignalsPart(
            @Schema(example = "0.91") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal riskScore,
            @Schema(example = "5") @PositiveOrZero @Max(100_000_000) Integer disputeCount,
            @Schema(example = "2.3") @DecimalMin("0") @DecimalMax("5") BigDecimal avgRating,
            @Schema(example = "140") @PositiveOrZero Integer ratingCount,
            @Schema(description = "the brand's list price", example = "420.00")
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal msrpCny,
            @Schema(example = "1200") @PositiveOrZero Integer salesCount) {
    }

    record IdentityPart(
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @Size(max = 200) String idDocumentHash,
            @Schema(example = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")
            @Size(max = 200) String bankAccountHash,
            @Schema(example = "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13")
            @Size(max = 200) String phoneHash,
            @Schema(example = "a4e624d686e03ed2767c0abd85c14426b0b1157d2ce81d27bb4fe4f6f01d688a")
            @Size(max = 200) String dispatchAddressHash) {
    }
}
