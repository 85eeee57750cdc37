package org.spotcheck.evidence;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts and records {@code evidence-retention}: keep the item for the retention period, then review it. */
@Service
public class RetentionService {

    private final RuntimeService runtime;
    private final EvidenceService evidence;
    private final CustodyLog custody;
    private final CaseRepository cases;
    private final CaseJournal journal;

    RetentionService(RuntimeService runtime, EvidenceService evidence, CustodyLog custody, CaseRepository cases,
                     CaseJournal journal) {
        this.runtime = runtime;
        this.evidence = evidence;
        this.custody = custody;
        this.cases = cases;
        this.journal = journal;
    }

    static String businessKey(long evidencePk) {
        return "EV-" + evidencePk;
    }

    public boolean isUnderRetention(long evidencePk) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(EvidenceRetentionProcess.KEY)
                .processInstanceBusinessKey(businessKey(evidencePk)).count() > 0;
    }

    /** Idempotent: evidence already under retention is not started twice. */
    @Transactional
    public ProcessInstance start(String caseNumber, long evidencePk) {
        String key = businessKey(evidencePk);
        ProcessInstance running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(EvidenceRetentionProcess.KEY).processInstanceBusinessKey(key).singleResult();
        if (running != null) {
            return running;
        }
        EvidenceService.Item item = evidence.item(evidencePk)
                .orElseThrow(() -> new IllegalArgumentException("No evidence " + evidencePk));
        VariableMap start = Variables.createVariables();
        EvidenceRetentionProcess.Vars.CASE_NUMBER.on(start).set(caseNumber);
        EvidenceRetentionProcess.Vars.EVIDENCE_ID.on(start).set(evidencePk);
        EvidenceRetentionProcess.Vars.EVIDENCE_KIND.on(start).set(item.kind());
        EvidenceRetentionProcess.Vars.SEAL_NUMBER.on(start).set(item.sealNumber());
        EvidenceRetentionProcess.Vars.STORAGE_LOCATION.on(start).set(item.storageLocation());
        return runtime.createMessageCorrelation(EvidenceRetentionProcess.START_MESSAGE).processInstanceBusinessKey(key)
                .setVariables(start).correlateStartMessage();
    }

    @Transactional
    void extendHold(String caseNumber, long evidencePk, String custodian) {
        custody.append(evidencePk, "STORE", custodian, "Retention reviewed: hold extended");
        journal(caseNumber, custodian, "Evidence " + evidencePk + ": retention hold extended", "retention-extended");
    }

    @Transactional
    void dispose(String caseNumber, long evidencePk, String custodian, String witness) {
        custody.append(evidencePk, "DISPOSE", custodian, "Disposed in the presence of " + witness);
        journal(caseNumber, custodian, "Evidence " + evidencePk + " disposed, witness " + witness, "evidence-disposed");
    }

    private void journal(String caseNumber, String actor, String text, String type) {
        CaseRef ref = cases.require(caseNumber);
        journal.record(ref, "EVIDENCE", actor, text, type, Map.of());
    }
}
