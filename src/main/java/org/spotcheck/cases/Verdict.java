package org.spotcheck.cases;

/** What the rights holder or lab found (CONTRACT.md, {@code POST /api/cases/{n}/verification}). */
public enum Verdict {
    COUNTERFEIT,
    GENUINE,
    INCONCLUSIVE
}
