package org.spotcheck.cases;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of each waiting task: the case's status says where it waits. */
@Component("caseStage")
class CaseStageListener implements ExecutionListener {

    private static final Map<String, CaseStatus> STATUS_BY_ELEMENT = Map.of(
            CounterfeitCaseProcess.Elements.REVIEW_FLAG, CaseStatus.AWAITING_REVIEW,
            CounterfeitCaseProcess.Elements.WAIT_PERSONA, CaseStatus.AWAITING_PERSONA,
            CounterfeitCaseProcess.Elements.WAIT_BUDGET, CaseStatus.AWAITING_BUDGET,
            CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE, CaseStatus.AWAITING_PURCHASE,
            CounterfeitCaseProcess.Elements.APPROVE_OVERSPEND, CaseStatus.AWAITING_OVERSPEND_APPROVAL,
            CounterfeitCaseProcess.Elements.RECORD_PARCEL_INTAKE, CaseStatus.AWAITING_PARCEL,
            CounterfeitCaseProcess.Elements.AWAIT_VERDICT, CaseStatus.AWAITING_VERIFICATION,
            CounterfeitCaseProcess.Elements.DECIDE_INCONCLUSIVE, CaseStatus.AWAITING_DECISION,
            CounterfeitCaseProcess.Elements.TAKE_DOWN_LISTING, CaseStatus.ENFORCING);

    private final CaseLifecycle lifecycle;

    CaseStageListener(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseStatus status = STATUS_BY_ELEMENT.get(execution.getCurrentActivityId());
        if (status == null) {
            throw new IllegalStateException("No case status for element " + execution.getCurrentActivityId());
        }
        lifecycle.enter(execution.getProcessBusinessKey(), status);
    }
}
