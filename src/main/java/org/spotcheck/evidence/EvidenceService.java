package org.spotcheck.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence items of a case (purchase video, parcel photos, the physical sample) and their custody.
 * The SQL is {@link EvidenceStore}'s.
 */
@Service
public class EvidenceService {

    private final EvidenceStore store;
    private final CustodyLog custody;
    private final CaseJournal journal;
    private final Clock clock;

    EvidenceService(EvidenceStore store, CustodyLog custody, CaseJournal journal, Clock clock) {
        this.store = store;
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
        return store.sealInUse(sealNumber);
    }

    @Transactional(readOnly = true)
    public List<Item> items(long casePk) {
        return store.items(casePk);
    }

    @Transactional(readOnly = true)
    public Optional<Item> item(long evidencePk) {
        return store.item(evidencePk);
    }

    @Transactional(readOnly = true)
    public List<Entry> chain(long casePk) {
        return store.chain(casePk);
    }

    /** @return the new item's id, or empty when the case has this kind of evidence already (a retried step) */
    private Optional<Long> capture(CaseRef ref, String kind, String sha256, String uri, String seal, String location,
                                   String by) {
        return store.insert(new EvidenceStore.Capture(ref.pk(), kind, sha256, uri, seal, location, by,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))));
    }

    public record Item(long id, String kind, String sha256, String uri, String sealNumber, String storageLocation,
                       String capturedBy, OffsetDateTime capturedAt) {
    }

    public record Entry(long id, long evidenceId, String kind, String action, String actor, OffsetDateTime at,
                        String details, String prevItemHash, String entryHash) {
    }
}
