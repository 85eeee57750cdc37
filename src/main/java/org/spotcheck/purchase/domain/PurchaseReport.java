package org.spotcheck.purchase.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test buyer reports on completing {@code Task_PerformTestPurchase}, checked field
 * by field. Values arrive untyped (from Tasklist or engine REST) and are checked here.
 */
public record PurchaseReport(boolean listingUnavailable, String orderNumber, BigDecimal amountPaidCny,
                             String videoEvidenceUri, String videoSha256) {

    /**
     * @return the report, or the problems per field (field → message) when it is not acceptable
     */
    public static Result check(Map<String, Object> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Object unavailable = values.get("listingUnavailable");
        if (!(unavailable instanceof Boolean listingGone)) {
            problems.put("listingUnavailable", "is required and must be true or false");
            return new Result(null, problems);
        }
        if (listingGone) {
            return new Result(new PurchaseReport(true, null, null, null, null), problems);
        }
        // lengths and the hash's form are the form's rules (forms/perform-test-purchase.form), applied at both
        // task doors before this runs (engine.FormRules); here only what a report needs to be built
        String order = text(values, "orderNumber", problems);
        String uri = text(values, "videoEvidenceUri", problems);
        String sha = text(values, "videoSha256", problems);
        BigDecimal amount = null;
        Object paid = values.get("amountPaidCny");
        if (!(paid instanceof Number number)) {
            problems.put("amountPaidCny", "is required and must be a number");
        } else {
            amount = new BigDecimal(number.toString());
            if (amount.stripTrailingZeros().scale() > 2) { // money: fen, never fractions of one (no form rule says it)
                problems.put("amountPaidCny", "must have at most 2 decimals");
            }
        }
        return new Result(problems.isEmpty()
                ? new PurchaseReport(false, order, amount, uri, sha.toLowerCase()) : null, problems);
    }

    static String text(Map<String, Object> values, String field, Map<String, String> problems) {
        Object value = values.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            problems.put(field, "is required");
            return null;
        }
        return s.trim();
    }

    public record Result(PurchaseReport report, Map<String, String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            problems.forEach((field, message) -> parts.add(field + " " + message));
            return String.join("; ", parts);
        }
    }
}
