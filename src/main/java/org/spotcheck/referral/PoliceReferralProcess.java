package org.spotcheck.referral;

/** Names of process {@code police-referral} (bpmn/police-referral.bpmn); business key = referral id. */
public final class PoliceReferralProcess {

    public static final String KEY = "police-referral";
    public static final String START_MESSAGE = "ReferralRequested";
    public static final String OUTCOME_MESSAGE = "ReferralOutcome";

    private PoliceReferralProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_ReferralRequested";
        public static final String ASSEMBLE = "Task_AssembleLeadPackage";
        public static final String PREPARE = "Task_PrepareLeadPackage";
        public static final String SUBMIT = "Task_SubmitReferral";
        public static final String JOIN_AWAIT = "Gateway_JoinAwait";
        public static final String AWAIT_ACKNOWLEDGEMENT = "Task_AwaitAcknowledgement";
        public static final String NO_ANSWER = "Event_NoAnswer";
        public static final String FOLLOW_UP = "Task_FollowUpReferral";
        public static final String OUTCOME_DURING_FOLLOW_UP = "Event_OutcomeDuringFollowUp";
        public static final String GATEWAY_FOLLOW_UP = "Gateway_FollowUp";
        public static final String WITHDRAW = "Task_WithdrawReferral";
        public static final String END_WITHDRAWN = "Event_ReferralWithdrawn";
        public static final String JOIN_OUTCOME = "Gateway_JoinOutcome";
        public static final String AWAIT_OUTCOME = "Task_AwaitOutcome";
        public static final String GATEWAY_AGENCY_CLOSED = "Gateway_AgencyClosed";
        public static final String CLOSE = "Task_CloseReferral";
        public static final String END_CLOSED = "Event_ReferralClosed";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String REFERRAL_ID = "referralId";
        public static final String SUGGESTED_AGENCY = "suggestedAgency";
        public static final String AGENCY = "agency";
        public static final String JURISDICTION = "jurisdiction";
        public static final String SUMMARY = "summary";
        public static final String FOLLOW_UP = "followUp";
        public static final String AGENCY_CLOSED = "agencyClosed";

        private Vars() {
        }
    }
}
