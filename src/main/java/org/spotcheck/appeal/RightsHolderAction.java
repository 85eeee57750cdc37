package org.spotcheck.appeal;

/** What a rights holder reports within 15 days of a counter-notice, keeping the restriction. */
public enum RightsHolderAction {
    COMPLAINT_FILED,
    LAWSUIT_FILED
}
