package org.spotcheck.intake.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A validated flag as it enters spotcheck, from REST or Kafka; {@code reporterId}: who reported it, when known. */
public record NewFlag(String flagId, FlagSource source, Listing listing, Signals signals, SellerIdentity sellerIdentity,
                      String reporterId) {

    public record Listing(String platform, String listingId, String shopId, String sellerId, String title,
                          String brand, Category category, BigDecimal priceCny, String url) {
    }

    /** {@code salesCount}: units the listing has sold, when the platform knows (the scale of the trade). */
    public record Signals(BigDecimal riskScore, Integer disputeCount, BigDecimal avgRating, Integer ratingCount,
                          BigDecimal msrpCny, Integer salesCount) {
    }

    /** Hashed identity keys of the seller; any of them may be missing. */
    public record SellerIdentity(String idDocumentHash, String bankAccountHash, String phoneHash,
                                 String dispatchAddressHash) {
    }

    /** The reporter whose notice this is, as its standing counts it: null when none is named. */
    public String reporter() {
        return reporterId == null || reporterId.isBlank() ? null : reporterId.strip();
    }

    /** Units sold times price; null when the sales are unknown. */
    public BigDecimal salesValueCny() {
        return signals.salesCount() == null ? null : listing.priceCny().multiply(BigDecimal.valueOf(signals.salesCount()));
    }

    /** Listing price as a share of the brand's MSRP; null when the MSRP is unknown. */
    public BigDecimal priceToMsrp() {
        BigDecimal msrp = signals.msrpCny();
        if (msrp == null || msrp.signum() <= 0) {
            return null;
        }
        return listing.priceCny().divide(msrp, 4, RoundingMode.HALF_UP);
    }
}
