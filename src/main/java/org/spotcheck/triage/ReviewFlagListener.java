package org.spotcheck.triage;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.engine.TaskActors;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewFlag}, from Tasklist or {@code /engine-rest}: refuses a
 * completion without a Boolean {@code triageApproved} (the task stays open), then notes
 * the review on the timeline.
 */
@Component("reviewFlagCompleted")
class ReviewFlagListener implements TaskListener {

    private final TaskListener check;

    ReviewFlagListener(TriageService triage) {
        this.check = TaskActors.requireBoolean(Vars.TRIAGE_APPROVED.getName(), "true = buy, false = dismiss",
                (task, approved) -> triage.recordReview(task.getExecution().getProcessBusinessKey(), approved,
                        TaskActors.actor(task)));
    }

    @Override
    public void notify(DelegateTask task) {
        check.notify(task);
    }
}
