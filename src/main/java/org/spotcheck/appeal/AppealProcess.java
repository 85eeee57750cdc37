package org.spotcheck.appeal;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static org.spotcheck.engine.EnumVariable.enumVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import org.spotcheck.engine.EnumVariable;

/** Names of process {@code seller-appeal} (bpmn/seller-appeal.bpmn); business key = appeal id. */
public final class AppealProcess {

    public static final String KEY = "seller-appeal";
    public static final String START_MESSAGE = "AppealReceived";
    public static final String RIGHTS_HOLDER_ACTION_MESSAGE = "RightsHolderAction";

    private AppealProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_AppealReceived";
        public static final String GATEWAY_ROUTE = "Gateway_Route";
        public static final String DECIDE = "Task_DecideAppeal";
        public static final String DECISION_OVERDUE = "Event_DecisionOverdue";
        public static final String ESCALATE = "Task_EscalateAppeal";
        public static final String END_ESCALATED = "Event_Escalated";
        public static final String GATEWAY_DECISION = "Gateway_Decision";
        public static final String REDUCE = "Task_ReduceRestriction";
        public static final String KEEP = "Task_KeepRestriction";
        public static final String LIFT = "Task_LiftRestriction";
        public static final String SEND_COUNTER_NOTICE = "Task_SendCounterNotice";
        public static final String AWAIT_RIGHTS_HOLDER = "Task_AwaitRightsHolder";
        public static final String NO_ACTION_IN_15_DAYS = "Event_NoActionIn15Days";
        public static final String LIFT_AFTER_COUNTER_NOTICE = "Task_LiftAfterCounterNotice";
        public static final String KEEP_ON_COMPLAINT = "Task_KeepOnComplaint";
        public static final String JOIN_DECIDED = "Gateway_JoinDecided";
        public static final String NOTIFY_SELLER = "Task_NotifySeller";
        public static final String END_DECIDED = "Event_AppealDecided";

        private Elements() {
        }
    }

    /** Form {@code decide-appeal} (forms/decide-appeal.form). */
    public static final class Forms {
        public static final String DECIDE_APPEAL = "decide-appeal";

        private Forms() {
        }
    }

    public static final class Vars {
        public static final VariableFactory<String> APPEAL_ID = stringVariable("appealId");
        public static final VariableFactory<String> CASE_NUMBER = stringVariable("caseNumber");
        public static final EnumVariable<AppealRoute> ROUTE = enumVariable("route", AppealRoute.class);
        /** When the reviewer's decision is due: the task's due date and the escalation timer. */
        public static final VariableFactory<Date> DECIDE_BY = dateVariable("decideBy");
        public static final EnumVariable<AppealDecision> DECISION = enumVariable("appealDecision", AppealDecision.class);
        public static final VariableFactory<String> REASONS = stringVariable("decisionReasons");
        public static final EnumVariable<RightsHolderAction> RIGHTS_HOLDER_ACTION =
                enumVariable("rightsHolderAction", RightsHolderAction.class);
        public static final VariableFactory<String> RIGHTS_HOLDER_REFERENCE = stringVariable("rightsHolderReference");

        private Vars() {
        }
    }
}
