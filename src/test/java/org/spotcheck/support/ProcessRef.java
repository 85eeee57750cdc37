package org.spotcheck.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process instance looked up from history, so camunda-bpm-assert can check instances
 * that already ended inside the request that started them.
 */
public record ProcessRef(String getId, String getProcessDefinitionId, String getBusinessKey,
                         String getRootProcessInstanceId, String getProcessDefinitionKey, boolean isEnded)
        implements ProcessInstance {

    public static ProcessInstance of(ProcessEngine engine, String processInstanceId) {
        HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (h == null) {
            throw new AssertionError("no process instance " + processInstanceId);
        }
        return new ProcessRef(h.getId(), h.getProcessDefinitionId(), h.getBusinessKey(),
                h.getRootProcessInstanceId(), h.getProcessDefinitionKey(), h.getEndTime() != null);
    }

    @Override
    public String getProcessInstanceId() {
        return getId;
    }

    @Override
    public String getCaseInstanceId() {
        return null;
    }

    @Override
    public String getTenantId() {
        return null;
    }

    @Override
    public boolean isSuspended() {
        return false;
    }
}
