package org.spotcheck.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Flag bodies for tests: a valid high-risk flag on a listing of its own, then tweaked per test. */
public final class Flags {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Flags() {
    }

    public static ObjectNode highRisk() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode flag = JSON.createObjectNode();
        flag.put("flagId", "RM-" + unique);
        flag.put("source", "RISK_MODEL");
        ObjectNode listing = flag.putObject("listing");
        listing.put("platform", "taobao");
        listing.put("listingId", "L-" + unique);
        listing.put("shopId", "S-" + unique);
        listing.put("sellerId", "SELLER-" + unique);
        listing.put("title", "Acme serum 50ml");
        listing.put("brand", "Acme");
        listing.put("category", "APPAREL");
        listing.put("priceCny", 89.00);
        listing.put("url", "https://shop.example/l/" + unique);
        ObjectNode signals = flag.putObject("signals");
        signals.put("riskScore", 0.91);
        signals.put("disputeCount", 1);
        signals.put("avgRating", 4.5);
        signals.put("ratingCount", 140);
        signals.put("msrpCny", 120.00);
        ObjectNode identity = flag.putObject("sellerIdentity");
        identity.put("idDocumentHash", "id-" + unique);
        identity.put("phoneHash", "phone-" + unique);
        return flag;
    }

    /** A flag whose signals make the triage table answer {@code decision}. */
    public static ObjectNode decidedAs(String decision) {
        ObjectNode flag = highRisk();
        ObjectNode signals = (ObjectNode) flag.get("signals");
        switch (decision) {
            case "TEST_BUY" -> signals.put("riskScore", 0.91);
            case "REVIEW" -> signals.put("riskScore", 0.6);
            case "MONITOR" -> signals.put("riskScore", 0.3);
            case "DISMISS" -> signals.put("riskScore", 0.1);
            default -> throw new IllegalArgumentException(decision);
        }
        return flag;
    }

    public static ObjectNode signals(ObjectNode flag) {
        return (ObjectNode) flag.get("signals");
    }

    public static ObjectNode listing(ObjectNode flag) {
        return (ObjectNode) flag.get("listing");
    }
}
