package org.spotcheck.evidence;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What happens to the sample at the end: a company asset if genuine, evidence kept for years if fake. */
@Configuration(proxyBeanMethods = false)
class OutcomeEvidenceDelegates {

    @Bean
    JavaDelegate registerAsset(AssetRegister assets, CaseRepository cases) {
        return execution -> assets.registerGenuine(cases.require(execution.getProcessBusinessKey()));
    }

    @Bean
    JavaDelegate storeEvidence(EvidenceService evidence, RetentionService retention, CustodyLog custody,
                               CaseRepository cases) {
        return execution -> {
            CaseRef ref = cases.require(execution.getProcessBusinessKey());
            for (EvidenceService.Item item : evidence.items(ref.pk())) {
                if (retention.isUnderRetention(item.id())) {
                    continue; // a retried step
                }
                retention.start(ref.caseNumber(), item.id());
                if ("SAMPLE".equals(item.kind())) {
                    custody.append(item.id(), "STORE", "spotcheck",
                            "Kept in the evidence storehouse at " + item.storageLocation() + " under retention");
                }
            }
        };
    }
}
