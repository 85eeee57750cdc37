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
        TriageDecision decision = TriageDecision.valueOf(Vars.TRIAGE_DECISION.from(execution).get());
        int priority = Vars.PRIORITY.from(execution).get();
        boolean drawn = Vars.EXPLORATION_DRAWN.from(execution).getOrDefault(false);
        TriageService.Route route = triage.record(execution.getProcessBusinessKey(), decision, priority, drawn);
        Vars.ROUTE.on(execution).set(route.decision().name());
        Vars.EXPLORATION.on(execution).set(route.exploration());
    }
}
