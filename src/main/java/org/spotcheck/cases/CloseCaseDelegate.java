package org.spotcheck.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closing service tasks: the outcome is the task's input parameter {@code outcome}. */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseLifecycle lifecycle;

    CloseCaseDelegate(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Outcome outcome = CounterfeitCaseProcess.Vars.OUTCOME.fromLocal(execution);
        lifecycle.close(execution.getProcessBusinessKey(), outcome);
    }
}
