package org.spotcheck.appeal;

/** What an appeal comes to. */
public enum AppealDecision {
    /** The restriction stays. */
    UPHELD,
    /** Every restriction of the case is lifted and its strike removed. */
    REVERSED,
    /** The listing stays down; a closed shop reopens and a ban is lifted; the strike stays. */
    REDUCED
}
