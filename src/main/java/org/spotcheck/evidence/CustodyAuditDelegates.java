package org.spotcheck.evidence;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code custody-audit}: a broken chain becomes an incident in Cockpit, once per break. */
@Configuration(proxyBeanMethods = false)
class CustodyAuditDelegates {

    @Bean
    JavaDelegate verifyCustodyChains(CustodyAudit audit, RuntimeService runtime) {
        return execution -> {
            CustodyLog.Verification result = audit.check();
            CustodyAuditProcess.Vars.ENTRIES_CHECKED.on(execution).set(result.entriesChecked());
            if (result.intact()) {
                return;
            }
            String message = "Custody chain broken at entry " + result.firstBrokenEntry()
                    + ": verify with GET /api/evidence/verify and investigate before trusting this evidence";
            boolean open = runtime.createIncidentQuery().processDefinitionKeyIn(CustodyAuditProcess.KEY).incidentMessage(message)
                    .count() > 0;
            if (!open) {
                throw new CustodyChainBroken(message);
            }
            CustodyAuditProcess.Vars.KNOWN_BREAK.on(execution).set(result.firstBrokenEntry());
        };
    }

    static final class CustodyChainBroken extends RuntimeException {
        CustodyChainBroken(String message) {
            super(message);
        }
    }
}
