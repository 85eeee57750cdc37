package org.spotcheck.evidence;

import java.math.BigDecimal;
import java.util.Map;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.network.SellerNetwork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Genuine samples become company assets (valued at what was paid); the seller's record notes the clean check. */
@Component
class AssetRegister {

    private final JdbcClient jdbc;
    private final EvidenceService evidence;
    private final CustodyLog custody;
    private final CaseJournal journal;

    private final CaseRepository cases;
    private final SellerNetwork network;
    private final PaidPrices prices;

    AssetRegister(JdbcClient jdbc, EvidenceService evidence, CustodyLog custody, CaseJournal journal,
                  CaseRepository cases, SellerNetwork network, PaidPrices prices) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.network = network;
        this.prices = prices;
        this.evidence = evidence;
        this.custody = custody;
        this.journal = journal;
    }

    @Transactional
    void registerGenuine(CaseRef ref) {
        EvidenceService.Item sample = evidence.items(ref.pk()).stream().filter(i -> "SAMPLE".equals(i.kind()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Case " + ref.caseNumber() + " has no sample"));
        BigDecimal value = prices.paidFor(ref.pk()).orElse(BigDecimal.ZERO);
        int registered = jdbc.sql("""
                insert into company_asset (case_pk, evidence_pk, value_cny, storage_location)
                values (:case, :sample, :value, :location) on conflict (case_pk) do nothing""")
                .param("case", ref.pk()).param("sample", sample.id()).param("value", value)
                .param("location", sample.storageLocation()).update();
        if (registered == 0) {
            return;
        }
        network.recordCleanCheck(cases.sellerOf(ref.pk()));
        custody.append(sample.id(), "MOVE", CaseJournal.ACTOR_SYSTEM, "Genuine: booked as a company asset worth "
                + value + " CNY, at " + sample.storageLocation());
        journal.record(ref, "OUTCOME", CaseJournal.ACTOR_SYSTEM, "Genuine item registered as a company asset ("
                + value + " CNY)", "asset-registered", Map.of("valueCny", value));
    }
}
