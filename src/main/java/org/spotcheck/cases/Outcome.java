package org.spotcheck.cases;

/** How a case ended (CONTRACT.md, "Case outcomes"). */
public enum Outcome {
    DISMISSED,
    MONITORED,
    LISTING_UNAVAILABLE,
    NOT_DELIVERED,
    GENUINE,
    COUNTERFEIT
}
