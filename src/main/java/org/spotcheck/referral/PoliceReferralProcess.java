package org.spotcheck.referral;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static org.spotcheck.engine.EnumVariable.enumVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.spotcheck.engine.EnumVariable;

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
        public static final VariableFactory<String> CASE_NUMBER = stringVariable("caseNumber");
        public static final VariableFactory<String> REFERRAL_ID = stringVariable("referralId");
        public static final VariableFactory<String> SUGGESTED_AGENCY = stringVariable("suggestedAgency");
        public static final VariableFactory<String> AGENCY = stringVariable("agency");
        public static final VariableFactory<String> JURISDICTION = stringVariable("jurisdiction");
        public static final VariableFactory<String> SUMMARY = stringVariable("summary");
        public static final EnumVariable<FollowUp> FOLLOW_UP = enumVariable("followUp", FollowUp.class);
        /** Who prepared the package, or withdrew the referral: the actor the next step records. */
        public static final VariableFactory<String> ACTOR = stringVariable("referralActor");
        public static final VariableFactory<Boolean> AGENCY_CLOSED = booleanVariable("agencyClosed");

        private Vars() {
        }
    }
}
