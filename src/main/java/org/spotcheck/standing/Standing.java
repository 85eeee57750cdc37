package org.spotcheck.standing;

/** A reporter's standing, as DMN {@code notifier-standing} gives it. */
public enum Standing {
    /** An accurate record: its notices are bought first (an input of DMN triage). */
    GOOD_FAITH,
    NORMAL,
    /** Frequently unfounded notices: told so by an event; next comes a suspension. */
    WARNED,
    /** Its flags are refused, with the reason and the end date. */
    SUSPENDED
}
