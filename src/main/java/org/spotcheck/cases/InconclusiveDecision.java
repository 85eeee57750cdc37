package org.spotcheck.cases;

/** An analyst's answer to a lab's INCONCLUSIVE verdict ({@code Task_DecideInconclusive}). */
public enum InconclusiveDecision {
    COUNTERFEIT,
    GENUINE,
    CLOSE
}
