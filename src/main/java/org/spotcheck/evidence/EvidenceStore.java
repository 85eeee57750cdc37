package org.spotcheck.evidence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code evidence_item} (and, to show an item's chain, {@code custody_entry}): the statements of {@link EvidenceService}. */
@Repository
class EvidenceStore {

    private static final String ITEM = """
            select id, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at
            from evidence_item""";

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item as captured, before it has an id. */
    record Capture(long casePk, String kind, String sha256, String uri, String sealNumber, String storageLocation,
                   String capturedBy, OffsetDateTime capturedAt) {
    }

    /** @return the new item's id, or empty when the case has this kind of evidence already */
    Optional<Long> insert(Capture item) {
        return jdbc.sql("""
                insert into evidence_item (case_pk, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at)
                values (:case, :kind, :sha, :uri, :seal, :location, :by, :at)
                on conflict (case_pk, kind) do nothing returning id""")
                .param("case", item.casePk()).param("kind", item.kind()).param("sha", item.sha256())
                .param("uri", item.uri()).param("seal", item.sealNumber()).param("location", item.storageLocation())
                .param("by", item.capturedBy()).param("at", item.capturedAt()).query(Long.class).optional();
    }

    boolean sealInUse(String sealNumber) {
        return jdbc.sql("select count(*) from evidence_item where seal_number = :seal").param("seal", sealNumber)
                .query(Long.class).single() > 0;
    }

    List<EvidenceService.Item> items(long casePk) {
        return jdbc.sql(ITEM + " where case_pk = :case order by id")
                .param("case", casePk).query(EvidenceService.Item.class).list();
    }

    Optional<EvidenceService.Item> item(long evidencePk) {
        return jdbc.sql(ITEM + " where id = :id").param("id", evidencePk).query(EvidenceService.Item.class).optional();
    }

    /** The custody entries of the case's items, oldest first. */
    List<EvidenceService.Entry> chain(long casePk) {
        return jdbc.sql("""
                select e.id, e.evidence_pk as evidence_id, i.kind, e.action, e.actor, e.at, e.details, e.prev_item_hash, e.entry_hash
                from custody_entry e join evidence_item i on i.id = e.evidence_pk
                where i.case_pk = :case order by e.id""").param("case", casePk).query(EvidenceService.Entry.class).list();
    }
}
