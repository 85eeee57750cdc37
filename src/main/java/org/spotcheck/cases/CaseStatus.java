package org.spotcheck.cases;

/** Where a case stands; {@link Outcome} says how a CLOSED case ended. */
public enum CaseStatus {
    TRIAGE,
    AWAITING_REVIEW,
    AWAITING_PERSONA,
    AWAITING_BUDGET,
    AWAITING_PURCHASE,
    AWAITING_OVERSPEND_APPROVAL,
    AWAITING_PARCEL,
    AWAITING_VERIFICATION,
    AWAITING_DECISION,
    ENFORCING,
    CLOSED
}
