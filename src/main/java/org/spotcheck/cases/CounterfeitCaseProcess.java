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
        public static final String RECORD_TRIAGE = "Task_RecordTriage";
        public static final String GATEWAY_TRIAGE = "Gateway_TriageDecision";
        public static final String GATEWAY_LOW_RISK = "Gateway_LowRisk";
        public static final String REVIEW_FLAG = "Task_ReviewFlag";
        public static final String GATEWAY_REVIEW = "Gateway_ReviewApproved";
        public static final String CLOSE_REJECTED = "Task_CloseRejected";
        public static final String END_REVIEW_REJECTED = "Event_ReviewRejected";
        public static final String JOIN_PURCHASE = "Gateway_JoinPurchase";
        public static final String ASSIGN_PERSONA = "Task_AssignPersona";
        public static final String GATEWAY_PERSONA = "Gateway_PersonaAssigned";
        /** Where a case waits for a persona (an event-based gateway: persona available, or the wait deadline). */
        public static final String WAIT_PERSONA = "Gateway_WaitPersona";
        public static final String PERSONA_AVAILABLE = "Event_PersonaAvailable";
        public static final String PERSONA_WAIT_EXPIRED = "Event_PersonaWaitExpired";
        /** Where a found persona and released budget meet before the reservation. */
        public static final String JOIN_BUDGET = "Gateway_JoinBudget";
        public static final String RESERVE_BUDGET = "Task_ReserveBudget";
        public static final String GATEWAY_BUDGET = "Gateway_BudgetReserved";
        public static final String GATEWAY_BUDGET_QUEUE = "Gateway_BudgetQueue";
        /** Where a case waits for budget (an event-based gateway: budget available, the wait deadline, or displaced). */
        public static final String WAIT_BUDGET = "Gateway_WaitBudget";
        public static final String BUDGET_AVAILABLE = "Event_BudgetAvailable";
        public static final String BUDGET_WAIT_EXPIRED = "Event_BudgetWaitExpired";
        public static final String BUDGET_DISPLACED = "Event_BudgetDisplaced";
        public static final String JOIN_WAIT_EXPIRED = "Gateway_JoinWaitExpired";
        public static final String CLOSE_WAIT_EXPIRED = "Task_CloseWaitExpired";
        public static final String END_WAIT_EXPIRED = "Event_WaitExpiredEnd";
        public static final String JOIN_QUEUE_FULL = "Gateway_JoinQueueFull";
        public static final String CLOSE_QUEUE_FULL = "Task_CloseQueueFull";
        public static final String END_QUEUE_FULL = "Event_QueueFullEnd";
        public static final String JOIN_PURCHASE_ATTEMPT = "Gateway_JoinPurchaseAttempt";
        public static final String PERFORM_TEST_PURCHASE = "Task_PerformTestPurchase";
        public static final String PURCHASE_OVERDUE = "Event_PurchaseOverdue";
        public static final String ESCALATE_PURCHASE = "Task_EscalatePurchase";
        public static final String END_ESCALATED = "Event_PurchaseEscalated";
        public static final String GATEWAY_LISTING = "Gateway_ListingAvailable";
        public static final String CLOSE_UNAVAILABLE = "Task_CloseUnavailable";
        public static final String END_UNAVAILABLE = "Event_ListingUnavailable";
        public static final String GATEWAY_OVERSPEND = "Gateway_Overspend";
        public static final String APPROVE_OVERSPEND = "Task_ApproveOverspend";
        public static final String GATEWAY_OVERSPEND_APPROVED = "Gateway_OverspendApproved";
        public static final String JOIN_RECORD_PURCHASE = "Gateway_JoinRecordPurchase";
        public static final String RECORD_PURCHASE = "Task_RecordPurchase";
        public static final String RECORD_PARCEL_INTAKE = "Task_RecordParcelIntake";
        public static final String PARCEL_OVERDUE = "Event_ParcelOverdue";
        public static final String GATEWAY_PARCEL = "Gateway_ParcelReceived";
        public static final String JOIN_NOT_DELIVERED = "Gateway_JoinNotDelivered";
        public static final String CLOSE_NOT_DELIVERED = "Task_CloseNotDelivered";
        public static final String END_NOT_DELIVERED = "Event_NotDelivered";
        public static final String STORE_SAMPLE = "Task_StoreSample";
        public static final String JOIN_ROUTING = "Gateway_JoinRouting";
        public static final String ROUTE_VERIFICATION = "Task_RouteVerification";
        public static final String DISPATCH_SAMPLE = "Task_DispatchSample";
        public static final String AWAIT_VERDICT = "Task_AwaitVerdict";
        public static final String VERDICT_REMINDER = "Event_VerdictReminder";
        public static final String REMIND_VERIFIER = "Task_RemindVerifier";
        public static final String END_VERIFIER_REMINDED = "Event_VerifierReminded";
        public static final String VERDICT_OVERDUE = "Event_VerdictOverdue";
        public static final String JOIN_REQUIRE_LAB = "Gateway_JoinRequireLab";
        public static final String REQUIRE_LAB = "Task_RequireLab";
        public static final String JOIN_VERDICT = "Gateway_JoinVerdict";
        public static final String GATEWAY_VERDICT = "Gateway_Verdict";
        public static final String GATEWAY_INCONCLUSIVE_FROM = "Gateway_InconclusiveFrom";
        public static final String DECIDE_INCONCLUSIVE = "Task_DecideInconclusive";
        public static final String GATEWAY_DECIDED = "Gateway_Decided";
        public static final String CLOSE_INCONCLUSIVE = "Task_CloseInconclusive";
        public static final String END_CLOSED_INCONCLUSIVE = "Event_ClosedInconclusive";
        public static final String TAKE_DOWN_LISTING = "Task_TakeDownListing";
        public static final String DECIDE_SANCTION = "Task_DecideSanction";
        public static final String APPLY_SANCTION = "Task_ApplySanction";
        public static final String STORE_EVIDENCE = "Task_StoreEvidence";
        public static final String DECIDE_REFERRAL = "Task_DecideReferral";
        public static final String RECORD_REFERRAL = "Task_RecordReferral";
        public static final String SPAWN_LINKED_CASES = "Task_SpawnLinkedCases";
        public static final String CLOSE_COUNTERFEIT = "Task_CloseCounterfeit";
        public static final String END_COUNTERFEIT = "Event_Counterfeit";
        public static final String REGISTER_ASSET = "Task_RegisterAsset";
        public static final String CLOSE_GENUINE = "Task_CloseGenuine";
        public static final String END_GENUINE = "Event_Genuine";
        public static final String CLOSE_MONITORED = "Task_CloseMonitored";
        public static final String CLOSE_DISMISSED = "Task_CloseDismissed";
        public static final String END_MONITORED = "Event_CaseMonitored";
        public static final String END_DISMISSED = "Event_CaseDismissed";

        private Elements() {
        }
    }

    /** Messages the process waits for. */
    public static final class Messages {
        public static final String PERSONA_AVAILABLE = "PersonaAvailable";
        public static final String BUDGET_AVAILABLE = "BudgetAvailable";
        public static final String VERIFICATION_RESULT = "VerificationResult";
        /** To a case waiting for budget that gives way to a higher-ranked one in the full queue. */
        public static final String QUEUE_DISPLACED = "QueueDisplaced";

        private Messages() {
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
        public static final String CLEAN_CHECKS = "cleanChecks";
        /** Flags for the listing in the last 30 days, this one included (the listing's watch record). */
        public static final String RECENT_FLAGS = "recentFlags";
        /** Units sold times price, when known: the scale for DMN sanction and referral. */
        public static final String SALES_VALUE_CNY = "salesValueCny";
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
        /** Set at start: intake drew the flag for an exploration buy against the day's exploration share. */
        public static final String EXPLORATION_DRAWN = "explorationDrawn";
        public static final String TRIAGE_APPROVED = "triageApproved";
        public static final String PERSONA_ASSIGNED = "personaAssigned";
        public static final String BUDGET_RESERVED = "budgetReserved";
        public static final String RESERVED_CNY = "reservedCny";
        public static final String PURCHASE_DUE = "purchaseDue";
        /** When the case first waited for a persona or budget (Date), and when that wait ends unbought (Date, the timers). */
        public static final String WAITING_SINCE = "waitingSince";
        public static final String WAIT_DEADLINE = "waitDeadline";
        /** Set by Task_ReserveBudget when the case must wait: true when the full queue turned it away. */
        public static final String QUEUE_FULL = "queueFull";
        /** The case number a displaced case gave way to (set with the QueueDisplaced message). */
        public static final String DISPLACED_BY = "displacedBy";
        /** Input parameter of Task_CloseWaitExpired and Task_CloseQueueFull: EXPIRED or QUEUE_FULL. */
        public static final String WAIT_END = "waitEnd";
        public static final String TASK_PRIORITY = "taskPriority";
        /** Task-local on Task_PerformTestPurchase only: operational secrets. */
        public static final String PERSONA_HANDLE = "personaHandle";
        public static final String PERSONA_ADDRESS = "personaAddress";
        public static final String LISTING_UNAVAILABLE = "listingUnavailable";
        public static final String AMOUNT_PAID_CNY = "amountPaidCny";
        public static final String OVERSPEND = "overspend";
        public static final String PURCHASED_BY = "purchasedBy";
        public static final String OVERSPEND_APPROVED = "overspendApproved";
        public static final String PARCEL_RECEIVED = "parcelReceived";
        /** Input parameter of the closing service tasks. */
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }
}
