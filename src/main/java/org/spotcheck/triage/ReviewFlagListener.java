package org.spotcheck.triage;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewFlag}, from Tasklist or {@code /engine-rest}: refuses a
 * completion without a Boolean {@code triageApproved} (the task stays open), then notes
 * the review on the timeline.
 */
@Component("reviewFlagCompleted")
class ReviewFlagListener implements TaskListener {

    private final TriageService triage;

    ReviewFlagListener(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!(task.getVariable(Vars.TRIAGE_APPROVED) instanceof Boolean approved)) {
            throw new FormFieldValidationException(Vars.TRIAGE_APPROVED,
                    "triageApproved is required and must be a Boolean (true = buy, false = dismiss)");
        }
        String reviewer = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null
                ? task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId()
                : task.getAssignee();
        triage.recordReview(task.getExecution().getProcessBusinessKey(), approved,
                reviewer != null ? reviewer : "unknown");
    }
}
