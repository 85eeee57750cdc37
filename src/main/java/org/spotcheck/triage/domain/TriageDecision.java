package org.spotcheck.triage.domain;

/** Outputs of DMN {@code triage}. */
public enum TriageDecision {
    TEST_BUY, REVIEW, MONITOR, DISMISS;

    public boolean isLowRisk() {
        return this == MONITOR || this == DISMISS;
    }
}
