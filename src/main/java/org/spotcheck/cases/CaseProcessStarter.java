package org.spotcheck.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code counterfeit-case} inside the transaction that stored the cases. The start
 * event is asynchronous: this stores the instance and its start job, the work of the
 * first steps runs in a transaction of its own (the job executor's, or {@link #awaitStart}).
 */
@Component
public class CaseProcessStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessStarter.class);

    private static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(2);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final CaseRepository cases;
    private final java.util.function.Supplier<JobExecutor> jobExecutor;

    CaseProcessStarter(RuntimeService runtime, RepositoryService repository, ManagementService management,
                       CaseRepository cases, ProcessEngineConfigurationImpl engine) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.engine = engine;
        this.cases = cases;
        this.jobExecutor = engine::getJobExecutor;
    }

    /** A case's process to start, with its start variables. */
    public record Start(CaseRef ref, Map<String, Object> variables) {
    }

    /**
     * Starts the processes of the cases a batch opened, all in one engine command: the
     * engine writes every instance's rows in one flush (a few batched statements for the
     * lot, not a round of them per case), and the latest version is looked up once.
     * @return the process instance ids, in list order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> startAll(List<Start> starts) {
        if (starts.isEmpty()) {
            return List.of();
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(CounterfeitCaseProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("process '" + CounterfeitCaseProcess.KEY + "' is not deployed");
        }
        List<String> ids = engine.getCommandExecutorTxRequired().execute(context -> {
            List<String> started = new ArrayList<>(starts.size());
            for (Start start : starts) {
                ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) runtime
                        .createProcessInstanceById(latest.getId()).businessKey(start.ref().caseNumber())
                        .setVariables(start.variables());
                started.add(new StartProcessInstanceCmd(builder).execute(context).getProcessInstanceId());
            }
            return started;
        });
        Map<Long, String> attached = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            attached.put(starts.get(i).ref().pk(), ids.get(i));
        }
        cases.attachProcesses(attached);
        return ids;
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
