package org.spotcheck.standing;

/** What happened on a case that counts for the reporters whose notices it rests on. */
public enum CaseEvent {
    TEST_BUY, COUNTERFEIT, GENUINE, REVERSED
}
