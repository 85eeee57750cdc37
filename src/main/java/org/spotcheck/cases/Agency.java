package org.spotcheck.cases;

/** The authorities a lead can go to: DMN {@code referral}'s suggestion and the liaison's choice. */
public enum Agency {
    PUBLIC_SECURITY,
    MARKET_REGULATION,
    QUALITY_INSPECTION,
    FOOD_AND_DRUG
}
