package org.spotcheck.referral;

/** What the liaison learned from the agency on following up a referral ({@code Task_FollowUpReferral}). */
public enum FollowUp {
    ACKNOWLEDGED,
    NO_ANSWER,
    WITHDRAWN
}
