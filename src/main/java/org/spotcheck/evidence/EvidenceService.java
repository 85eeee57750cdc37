package org.spotcheck.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence items of a case (purchase video, parcel photos, the physical sample) and their custody. */
@Service
public class EvidenceService {

    private final JdbcClient jdbc;
    private final CustodyLog custody;
    private final CaseJournal journal;
    private final Clock clock;

    EvidenceService(JdbcClient jdbc, CustodyLog custody, CaseJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.custody = custody;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public void captureVideo(CaseRef ref, String uri, String sha256, String buyer) {
        capture(ref, "VIDEO", sha256, uri, null, null, buyer)
                .ifPresent(id -> custody.append(id, "CAPTURE", buyer, "Purchase video " + uri + " sha256 " + sha256));
    }

    @Transactional
    public void receiveParcel(CaseRef ref, String sealNumber, String storageLocation, String photoSha256,
                              String custodian) {
        capture(ref, "PHOTO", photoSha256, null, null, null, custodian)
                .ifPresent(id -> custody.append(id, "CAPTURE", custodian, "Parcel photos sha256 " + photoSha256));
        capture(ref, "SAMPLE", null, null, sealNumber, storageLocation, custodian).ifPresent(id -> {
            custody.append(id, "CAPTURE", custodian, "Parcel received, sealed as " + sealNumber);
            custody.append(id, "STORE", custodian, "Stored at " + storageLocation);
        });
        journal.record(ref, "EVIDENCE", custodian, "Parcel received: seal " + sealNumber + ", stored at "
                + storageLocation, "parcel-received", Map.of("sealNumber", sealNumber, "storageLocation", storageLocation));
    }

    public boolean sealInUse(String sealNumber) {
        return jdbc.sql("select count(*) from evidence_item where seal_number = :seal").param("seal", sealNumber)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<Item> items(long casePk) {
        return jdbc.sql("""
                select id, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at
                from evidence_item where case_pk = :case order by id""")
                .param("case", casePk).query(Item.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Item> item(long evidencePk) {
        return jdbc.sql("""
                select id, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at
                from evidence_item where id = :id""").param("id", evidencePk).query(Item.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Entry> chain(long casePk) {
        return jdbc.sql("""
                select e.id, e.evidence_pk as evidence_id, i.kind, e.action, e.actor, e.at, e.details, e.prev_item_hash, e.entry_hash
                from custody_entry e join evidence_item i on i.id = e.evidence_pk
                where i.case_pk = :case order by e.id""").param("case", casePk).query(Entry.class).list();
    }

    /** @return the new item's id, or empty when the case has this kind of evidence already (a retried step) */
    private Optional<Long> capture(CaseRef ref, String kind, String sha256, String uri, String seal, String location,
                                   String by) {
        return jdbc.sql("""
                insert into evidence_item (case_pk, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at)
                values (:case, :kind, :sha, :uri, :seal, :location, :by, :at)
                on conflict (case_pk, kind) do nothing returning id""")
                .param("case", ref.pk()).param("kind", kind).param("sha", sha256).param("uri", uri)
                .param("seal", seal).param("location", location).param("by", by)
                .param("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))).query(Long.class).optional();
    }

    public record Item(long id, String kind, String sha256, String uri, String sealNumber, String storageLocation,
                       String capturedBy, OffsetDateTime capturedAt) {
    }

    public record Entry(long id, long evidenceId, String kind, String action, String actor, OffsetDateTime at,
                        String details, String prevItemHash, String entryHash) {
    }
}
