package org.spotcheck.cases;

/** What DMN {@code sanction} decides for a counterfeit, mildest first. */
public enum SanctionLevel {
    WARNING,
    LISTING_REMOVAL,
    SHOP_CLOSURE,
    PERMANENT_BAN
}
