package org.spotcheck.cases;

/** Why a case waiting for a persona or budget closes unbought. */
public enum WaitEnd {
    /** The wait deadline passed. */
    EXPIRED,
    /** The full budget queue turned it away, or displaced it for a higher-ranked case. */
    QUEUE_FULL
}
