package org.spotcheck.triage;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordTriage}: stores the DMN's decision and sets the route the gateway follows
 * (a test buy when intake drew the flag for an exploration buy).
 */
@Component("recordTriage")
class RecordTriageDelegate implements JavaDelegate {

    private final TriageService triage;

    RecordTriageDelegate(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TriageDecision decision = TriageDecision.valueOf((String) execution.getVariable(Vars.TRIAGE_DECISION));
        int priority = ((Number) execution.getVariable(Vars.PRIORITY)).intValue();
        boolean drawn = Boolean.TRUE.equals(execution.getVariable(Vars.EXPLORATION_DRAWN));
        TriageService.Route route = triage.record(execution.getProcessBusinessKey(), decision, priority, drawn);
        execution.setVariable(Vars.ROUTE, route.decision().name());
        execution.setVariable(Vars.EXPLORATION, route.exploration());
    }
}
