package org.spotcheck.cases;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code counterfeit-case} inside the transaction that stored the case. The start
 * event is asynchronous: this stores the instance and its start job, the work of the
 * first steps runs in a transaction of its own (the job executor's, or {@link #runStart}).
 */
@Component
public class CaseProcessStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessStarter.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final CaseRepository cases;

    CaseProcessStarter(RuntimeService runtime, ManagementService management, CaseRepository cases) {
        this.runtime = runtime;
        this.management = management;
        this.cases = cases;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String start(CaseRef ref, Map<String, Object> variables) {
        String id = runtime.startProcessInstanceByKey(CounterfeitCaseProcess.KEY, ref.caseNumber(), variables)
                .getProcessInstanceId();
        cases.attachProcess(ref.pk(), id);
        return id;
    }

    /**
     * Runs a stored start at once in the caller's thread, for a caller who waits for the
     * answer (REST). Never fails the caller: a start the job executor took first is done
     * by it; a start that fails stays a job, retried and then an incident, as from Kafka.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void runStart(String processInstanceId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(CounterfeitCaseProcess.Elements.START).singleResult();
        if (job == null) {
            return; // the job executor ran it already
        }
        try {
            management.executeJob(job.getId());
        } catch (OptimisticLockingException jobExecutorWasFirst) {
            log.debug("start of {} run by the job executor", processInstanceId);
        } catch (RuntimeException e) {
            log.warn("start of process {} failed; its job is retried, then shown as an incident in Cockpit: {}",
                    processInstanceId, e.toString());
        }
    }
}
