package org.spotcheck.evidence;

import java.math.BigDecimal;
import java.util.Map;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
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

    AssetRegister(JdbcClient jdbc, EvidenceService evidence, CustodyLog custody, CaseJournal journal) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.custody = custody;
        this.journal = journal;
    }

    @Transactional
    void registerGenuine(CaseRef ref) {
        EvidenceService.Item sample = evidence.items(ref.pk()).stream().filter(i -> "SAMPLE".equals(i.kind()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Case " + ref.caseNumber() + " has no sample"));
        BigDecimal value = jdbc.sql("select coalesce(amount_paid_cny, 0) from test_purchase where case_pk = :case")
                .param("case", ref.pk()).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        int registered = jdbc.sql("""
                insert into company_asset (case_pk, evidence_pk, value_cny, storage_location)
                values (:case, :sample, :value, :location) on conflict (case_pk) do nothing""")
                .param("case", ref.pk()).param("sample", sample.id()).param("value", value)
                .param("location", sample.storageLocation()).update();
        if (registered == 0) {
            return;
        }
        jdbc.sql("update seller set clean_checks = clean_checks + 1 where id = (select seller_pk from spot_case where id = :case)")
                .param("case", ref.pk()).update();
        custody.append(sample.id(), "MOVE", CaseJournal.ACTOR_SYSTEM, "Genuine: booked as a company asset worth "
                + value + " CNY, at " + sample.storageLocation());
        journal.record(ref, "OUTCOME", CaseJournal.ACTOR_SYSTEM, "Genuine item registered as a company asset ("
                + value + " CNY)", "asset-registered", Map.of("valueCny", value));
    }
}
