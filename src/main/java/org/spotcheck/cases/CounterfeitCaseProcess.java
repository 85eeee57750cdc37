package org.spotcheck.cases;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.doubleVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static org.spotcheck.engine.EnumVariable.enumVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import org.spotcheck.engine.EnumVariable;

/**
 * Names of process {@code counterfeit-case} (bpmn/counterfeit-case.bpmn), held once
 * so that code and tests never spell them as loose strings.
 * <p>Size: the process's whole contract (element ids, messages, typed variables) in one
 * place, as the diagram has it.
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

    /** Ids of the forms of its user tasks ({@code camunda:formRef}, forms/*.form). */
    public static final class Forms {
        public static final String PERFORM_TEST_PURCHASE = "perform-test-purchase";
        public static final String RECORD_PARCEL_INTAKE = "record-parcel-intake";

        private Forms() {
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

    /**
     * Process variables, typed: {@code Vars.PRIORITY.from(execution).get()} is an Integer,
     * {@code Vars.VERDICT.from(execution)} a {@link Verdict}. The names are the ones diagrams,
     * decision tables and forms use ({@code Vars.PRIORITY.getName()}); ProcessVariablesDeclaredTest
     * keeps every variable a diagram, table or form reads declared here.
     */
    public static final class Vars {
        // triage inputs (names are the input expressions of bpmn/triage.dmn)
        public static final VariableFactory<Double> RISK_SCORE = doubleVariable("riskScore");
        public static final VariableFactory<Integer> DISPUTE_COUNT = intVariable("disputeCount");
        public static final VariableFactory<Double> AVG_RATING = doubleVariable("avgRating");
        public static final VariableFactory<Double> PRICE_TO_MSRP = doubleVariable("priceToMsrp");
        /** A {@code Category} name: an input of triage, verification-route, sanction and referral. */
        public static final VariableFactory<String> CATEGORY = stringVariable("category");
        public static final VariableFactory<Integer> PRIOR_STRIKES = intVariable("priorStrikes");
        public static final VariableFactory<Integer> CLEAN_CHECKS = intVariable("cleanChecks");
        /** Flags for the listing in the last 30 days, this one included (the listing's watch record). */
        public static final VariableFactory<Integer> RECENT_FLAGS = intVariable("recentFlags");
        /** The standing of the flag's reporter (DMN notifier-standing), an input of DMN triage; NORMAL without one. */
        public static final VariableFactory<String> REPORTER_STANDING = stringVariable("reporterStanding");
        /** Units sold times price, when known: the scale for DMN sanction and referral. */
        public static final VariableFactory<Double> SALES_VALUE_CNY = doubleVariable("salesValueCny");
        // shown in task forms
        public static final VariableFactory<String> CASE_NUMBER = stringVariable("caseNumber");
        public static final VariableFactory<String> LISTING_TITLE = stringVariable("listingTitle");
        public static final VariableFactory<String> LISTING_URL = stringVariable("listingUrl");
        public static final VariableFactory<String> BRAND = stringVariable("brand");
        /** The listing's price as a plain decimal string (exact, for the form and the overspend check). */
        public static final VariableFactory<String> PRICE_CNY = stringVariable("priceCny");
        // triage
        /** Intake's decision, a {@code TriageDecision} name: the process follows it. */
        public static final VariableFactory<String> TRIAGE_DECISION = stringVariable("triageDecision");
        /** The path the case takes, a {@code TriageDecision} name (an exploration buy goes TEST_BUY). */
        public static final VariableFactory<String> ROUTE = stringVariable("route");
        public static final VariableFactory<Integer> PRIORITY = intVariable("priority");
        public static final VariableFactory<Boolean> EXPLORATION = booleanVariable("exploration");
        /** Set at start: intake drew the flag for an exploration buy against the day's exploration share. */
        public static final VariableFactory<Boolean> EXPLORATION_DRAWN = booleanVariable("explorationDrawn");
        /** Task_ReviewFlag: the analyst's answer. */
        public static final VariableFactory<Boolean> TRIAGE_APPROVED = booleanVariable("triageApproved");
        // persona and budget
        public static final VariableFactory<Boolean> PERSONA_ASSIGNED = booleanVariable("personaAssigned");
        public static final VariableFactory<Boolean> BUDGET_RESERVED = booleanVariable("budgetReserved");
        /** The reservation as a plain decimal string. */
        public static final VariableFactory<String> RESERVED_CNY = stringVariable("reservedCny");
        public static final VariableFactory<Date> PURCHASE_DUE = dateVariable("purchaseDue");
        /** When the case first waited for a persona or budget, and when that wait ends unbought (the timers). */
        public static final VariableFactory<Date> WAITING_SINCE = dateVariable("waitingSince");
        public static final VariableFactory<Date> WAIT_DEADLINE = dateVariable("waitDeadline");
        /** Set by Task_ReserveBudget when the case must wait: true when the full queue turned it away. */
        public static final VariableFactory<Boolean> QUEUE_FULL = booleanVariable("queueFull");
        /** The case number a displaced case gave way to (set with the QueueDisplaced message). */
        public static final VariableFactory<String> DISPLACED_BY = stringVariable("displacedBy");
        /** Input parameter of Task_CloseWaitExpired and Task_CloseQueueFull. */
        public static final EnumVariable<WaitEnd> WAIT_END = enumVariable("waitEnd", WaitEnd.class);
        public static final VariableFactory<Integer> TASK_PRIORITY = intVariable("taskPriority");
        // the purchase
        /** Task-local on Task_PerformTestPurchase only: operational secrets (engine.guard.ProtectedVariables). */
        public static final VariableFactory<String> PERSONA_HANDLE = stringVariable("personaHandle");
        public static final VariableFactory<String> PERSONA_ADDRESS = stringVariable("personaAddress");
        /** Task_PerformTestPurchase's fields, checked by its complete listener (PurchaseReport). */
        public static final VariableFactory<Boolean> LISTING_UNAVAILABLE = booleanVariable("listingUnavailable");
        public static final VariableFactory<String> ORDER_NUMBER = stringVariable("orderNumber");
        public static final VariableFactory<Double> AMOUNT_PAID_CNY = doubleVariable("amountPaidCny");
        public static final VariableFactory<String> VIDEO_EVIDENCE_URI = stringVariable("videoEvidenceUri");
        public static final VariableFactory<String> VIDEO_SHA256 = stringVariable("videoSha256");
        public static final VariableFactory<Boolean> OVERSPEND = booleanVariable("overspend");
        public static final VariableFactory<String> PURCHASED_BY = stringVariable("purchasedBy");
        /** Task_ApproveOverspend: the analyst's answer. */
        public static final VariableFactory<Boolean> OVERSPEND_APPROVED = booleanVariable("overspendApproved");
        // the parcel (Task_RecordParcelIntake's fields)
        public static final VariableFactory<Boolean> PARCEL_RECEIVED = booleanVariable("parcelReceived");
        public static final VariableFactory<String> SEAL_NUMBER = stringVariable("sealNumber");
        public static final VariableFactory<String> STORAGE_LOCATION = stringVariable("storageLocation");
        public static final VariableFactory<String> PHOTO_SHA256 = stringVariable("photoSha256");
        /** Optional: the hashed return address printed on the parcel, an identity key of the seller. */
        public static final VariableFactory<String> RETURN_ADDRESS_HASH = stringVariable("returnAddressHash");
        public static final VariableFactory<String> PARCEL_RECEIVED_BY = stringVariable("parcelReceivedBy");
        // verification
        /** DMN verification-route's answer (output of Task_RouteVerification). */
        public static final EnumVariable<VerificationRoute> VERIFICATION_ROUTE =
                enumVariable("verificationRoute", VerificationRoute.class);
        /** Set when the case must go to a lab whatever the table says (re-routed). An input of verification-route. */
        public static final VariableFactory<Boolean> FORCE_LAB = booleanVariable("forceLab");
        /** Whether the case's brand has a rights holder enrolled as verifier (an input of verification-route). */
        public static final VariableFactory<Boolean> BRAND_ENROLLED = booleanVariable("brandEnrolled");
        public static final VariableFactory<String> VERIFIER_ID = stringVariable("verifierId");
        /** Set with the VerificationResult message, or by the analyst of an inconclusive case. */
        public static final EnumVariable<Verdict> VERDICT = enumVariable("verdict", Verdict.class);
        /** Task_DecideInconclusive: the analyst's answer. */
        public static final EnumVariable<InconclusiveDecision> INCONCLUSIVE_DECISION =
                enumVariable("inconclusiveDecision", InconclusiveDecision.class);
        // enforcement (outputs of Task_DecideSanction and Task_DecideReferral)
        public static final EnumVariable<SanctionLevel> SANCTION = enumVariable("sanction", SanctionLevel.class);
        public static final VariableFactory<Boolean> REFER = booleanVariable("refer");
        /** The agency DMN referral suggests: an {@link Agency} name, null when the lead is not referred. */
        public static final VariableFactory<String> AGENCY = stringVariable("agency");
        /** Input parameter of the closing service tasks. */
        public static final EnumVariable<Outcome> OUTCOME = enumVariable("outcome", Outcome.class);

        private Vars() {
        }
    }
}
