package org.spotcheck.cases;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code counterfeit-case} inside the transaction that stored the case. The start
 * event is asynchronous: this stores the instance and its start job, the work of the
 * first steps runs in a transaction of its own (the job executor's, or {@link #awaitStart}).
 */
@Component
public class CaseProcessStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessStarter.class);

    private static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(2);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final CaseRepository cases;
    private final java.util.function.Supplier<JobExecutor> jobExecutor;

    CaseProcessStarter(RuntimeService runtime, ManagementService management, CaseRepository cases,
                       ProcessEngineConfigurationImpl engine) {
        this.runtime = runtime;
        this.management = management;
        this.cases = cases;
        this.jobExecutor = engine::getJobExecutor;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String start(CaseRef ref, Map<String, Object> variables) {
        String id = runtime.startProcessInstanceByKey(CounterfeitCaseProcess.KEY, ref.caseNumber(), variables)
                .getProcessInstanceId();
        cases.attachProcess(ref.pk(), id);
        return id;
    }

    /**
     * Lets a caller who waits for the answer (REST) see the first steps done. Where a job
     * executor runs, the commit has woken it: wait for it (running the job here as well
     * would do the steps twice, one copy rolled back). Where none runs, run the job here.
     * Never fails the caller: a start that fails stays a job, retried, then an incident.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void awaitStart(String processInstanceId) {
        if (jobExecutor.get() != null && jobExecutor.get().isActive()) {
            long until = System.nanoTime() + START_WAIT.toNanos();
            while (startJob(processInstanceId) != null && System.nanoTime() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            return;
        }
        Job job = startJob(processInstanceId);
        if (job == null) {
            return;
        }
        try {
            management.executeJob(job.getId());
        } catch (OptimisticLockingException ranElsewhere) {
            log.debug("start of {} run elsewhere", processInstanceId);
        } catch (RuntimeException e) {
            log.warn("start of process {} failed; its job is retried, then shown as an incident in Cockpit: {}",
                    processInstanceId, e.toString());
        }
    }

    private Job startJob(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(CounterfeitCaseProcess.Elements.START).singleResult();
    }
}
