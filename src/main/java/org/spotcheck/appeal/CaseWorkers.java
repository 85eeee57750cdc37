package org.spotcheck.appeal;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.springframework.stereotype.Component;

/**
 * Who worked on a case: every actor on its timeline (analysts, buyers, custodians,
 * verifiers, liaison), every assignee of its tasks and every user whose operation on its
 * process the engine logged (a completion without a claim leaves no assignee).
 */
@Component
class CaseWorkers {

    private final CaseRepository cases;
    private final CaseJournal journal;
    private final HistoryService history;

    CaseWorkers(CaseRepository cases, CaseJournal journal, HistoryService history) {
        this.cases = cases;
        this.journal = journal;
        this.history = history;
    }

    Set<String> of(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        Set<String> users = new TreeSet<>(journal.actors(ref.pk()));
        users.remove(CaseJournal.ACTOR_SYSTEM);
        String process = cases.state(ref.pk()).processInstanceId();
        if (process != null) {
            history.createHistoricTaskInstanceQuery().processInstanceId(process).taskAssigned().list().stream()
                    .map(HistoricTaskInstance::getAssignee).forEach(users::add);
            history.createUserOperationLogQuery().processInstanceId(process).list().stream()
                    .map(UserOperationLogEntry::getUserId).filter(u -> u != null).forEach(users::add);
        }
        return users;
    }
}
