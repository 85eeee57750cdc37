package org.spotcheck.cases;

/**
 * Names of process {@code counterfeit-case} (bpmn/counterfeit-case.bpmn), held once
 * so that code and tests never spell them as loose strings.
 */
public final class CounterfeitCaseProcess {

    public static final String KEY = "counterfeit-case";

    private CounterfeitCaseProcess() {
    }

    /** Element ids of the diagram. */
    public static final class Elements {
        public static final String START = "StartEvent_FlagReceived";
        public static final String TRIAGE = "Task_Triage";
        public static final String RECORD_TRIAGE = "Task_RecordTriage";
        public static final String GATEWAY_TRIAGE = "Gateway_TriageDecision";
        public static final String REVIEW_FLAG = "Task_ReviewFlag";
        public static final String GATEWAY_REVIEW = "Gateway_ReviewApproved";
        public static final String CLOSE_REJECTED = "Task_CloseRejected";
        public static final String END_REVIEW_REJECTED = "Event_ReviewRejected";
        public static final String JOIN_PURCHASE = "Gateway_JoinPurchase";
        public static final String PERFORM_TEST_PURCHASE = "Task_PerformTestPurchase";
        public static final String CLOSE_MONITORED = "Task_CloseMonitored";
        public static final String CLOSE_DISMISSED = "Task_CloseDismissed";
        public static final String END_MONITORED = "Event_CaseMonitored";
        public static final String END_DISMISSED = "Event_CaseDismissed";
        public static final String END_PURCHASED = "Event_PurchaseRecorded";

        private Elements() {
        }
    }

    /** Process variables. */
    public static final class Vars {
        // triage inputs (names are the input expressions of bpmn/triage.dmn)
        public static final String RISK_SCORE = "riskScore";
        public static final String DISPUTE_COUNT = "disputeCount";
        public static final String AVG_RATING = "avgRating";
        public static final String PRICE_TO_MSRP = "priceToMsrp";
        public static final String CATEGORY = "category";
        public static final String PRIOR_STRIKES = "priorStrikes";
        // shown in task forms
        public static final String CASE_NUMBER = "caseNumber";
        public static final String LISTING_TITLE = "listingTitle";
        public static final String LISTING_URL = "listingUrl";
        public static final String BRAND = "brand";
        public static final String PRICE_CNY = "priceCny";
        // decisions
        public static final String TRIAGE_DECISION = "triageDecision";
        public static final String ROUTE = "route";
        public static final String PRIORITY = "priority";
        public static final String EXPLORATION = "exploration";
        public static final String TRIAGE_APPROVED = "triageApproved";
        /** Input parameter of the closing service tasks. */
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }
}
