package org.spotcheck.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.spotcheck.security.TasklistColumns;
import org.springframework.stereotype.Component;

/**
 * Copies the case's key facts (TasklistColumns) onto each user task when it is created, as
 * task variables: Tasklist's filter shows a task's own variables to its candidates, who may
 * not read the process instance's (authorization), so the copies are what lets a case worker
 * see the case, listing, brand and priority in the list. Only what the process has is copied.
 */
@Component("caseAtAGlance")
class CaseAtAGlance implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        TasklistColumns.VARIABLES.keySet().forEach(name -> {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        });
    }
}
