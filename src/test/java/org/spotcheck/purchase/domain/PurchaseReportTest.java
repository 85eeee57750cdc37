package org.spotcheck.purchase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseReportTest {

    private static Map<String, Object> good() {
        Map<String, Object> values = new HashMap<>();
        values.put("listingUnavailable", false);
        values.put("orderNumber", " TB-1 ");
        values.put("amountPaidCny", 92.5);
        values.put("videoEvidenceUri", "s3://v/1.mp4");
        values.put("videoSha256", "ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789");
        return values;
    }

    @Test
    void acceptsACompleteReportAndNormalisesIt() {
        PurchaseReport.Result result = PurchaseReport.check(good());
        assertThat(result.ok()).isTrue();
        assertThat(result.report().orderNumber()).isEqualTo("TB-1");
        assertThat(result.report().amountPaidCny()).isEqualByComparingTo("92.50");
        assertThat(result.report().videoSha256()).isEqualTo("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
    }

    @Test
    void anUnavailableListingNeedsNothingElse() {
        PurchaseReport.Result result = PurchaseReport.check(Map.of("listingUnavailable", true));
        assertThat(result.ok()).isTrue();
        assertThat(result.report().listingUnavailable()).isTrue();
    }

    /** What a report needs to be built, and the fen; the form's own limits (the hash, the amount's minimum) are FormRulesTest's. */
    @Test
    void namesEveryBadField() {
        Map<String, Object> values = good();
        values.remove("orderNumber");
        values.put("videoSha256", " ");
        values.put("amountPaidCny", 90.123);
        PurchaseReport.Result result = PurchaseReport.check(values);
        assertThat(result.problems()).containsOnlyKeys("orderNumber", "videoSha256", "amountPaidCny");
        assertThat(result.describe()).contains("amountPaidCny must have at most 2 decimals");
    }
}
