package org.spotcheck.cases;

/** Where a case stands; {@link Outcome} says how a CLOSED case ended. */
public enum CaseStatus {
    TRIAGE,
    AWAITING_REVIEW,
    AWAITING_PURCHASE,
    CLOSED
}
