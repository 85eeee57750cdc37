package org.spotcheck.appeal;

/** Who answers an appeal, by who verified the case. */
public enum AppealRoute {
    /** A rights holder's verdict: the seller's declaration goes to the rights holder (E-Commerce Law Art. 43). */
    COUNTER_NOTICE,
    /** A lab's verdict: a second person of group {@code appeals} decides (DSA Art. 20). */
    REVIEW
}
