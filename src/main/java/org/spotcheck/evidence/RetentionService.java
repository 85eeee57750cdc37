package org.spotcheck.evidence;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
        return runtime.createMessageCorrelation(EvidenceRetentionProcess.START_MESSAGE).processInstanceBusinessKey(key)
                .setVariable(EvidenceRetentionProcess.Vars.CASE_NUMBER, caseNumber)
                .setVariable(EvidenceRetentionProcess.Vars.EVIDENCE_ID, evidencePk)
                .setVariable(EvidenceRetentionProcess.Vars.EVIDENCE_KIND, item.kind())
                .setVariable(EvidenceRetentionProcess.Vars.SEAL_NUMBER, item.sealNumber())
                .setVariable(EvidenceRetentionProcess.Vars.STORAGE_LOCATION, item.storageLocation())
                .correlateStartMessage();
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
