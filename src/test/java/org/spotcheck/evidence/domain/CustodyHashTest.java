package org.spotcheck.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustodyHashTest {

    private static List<CustodyHash.Entry> chain() {
        List<CustodyHash.Entry> entries = new ArrayList<>();
        String prevGlobal = null;
        String[][] rows = {{"1", "CAPTURE"}, {"2", "CAPTURE"}, {"1", "STORE"}, {"2", "TRANSFER"}};
        for (int i = 0; i < rows.length; i++) {
            long item = Long.parseLong(rows[i][0]);
            String prevItem = entries.stream().filter(e -> e.evidenceId() == item).reduce((a, b) -> b)
                    .map(CustodyHash.Entry::entryHash).orElse(null);
            CustodyHash.Entry draft = new CustodyHash.Entry(i + 1, item, rows[i][1], "custodian",
                    Instant.parse("2026-11-29T10:00:00.123456Z").plusSeconds(i), "entry " + i, prevItem, prevGlobal, null);
            CustodyHash.Entry entry = new CustodyHash.Entry(draft.id(), item, draft.action(), draft.actor(), draft.at(),
                    draft.details(), prevItem, prevGlobal, CustodyHash.of(draft));
            entries.add(entry);
            prevGlobal = entry.entryHash();
        }
        return entries;
    }

    @Test
    void anUntouchedChainHolds() {
        assertThat(CustodyHash.firstBroken(chain())).isNull();
        assertThat(chain().get(0).entryHash()).hasSize(64).isEqualTo(chain().get(0).entryHash());
    }

    @Test
    void anEditedEntryIsTheFirstBroken() {
        List<CustodyHash.Entry> entries = chain();
        CustodyHash.Entry e = entries.get(1);
        entries.set(1, new CustodyHash.Entry(e.id(), e.evidenceId(), e.action(), "mallory", e.at(), e.details(),
                e.prevItemHash(), e.prevGlobalHash(), e.entryHash()));
        assertThat(CustodyHash.firstBroken(entries)).isEqualTo(2L);
    }

    @Test
    void aDeletedEntryBreaksTheLinkOfTheNextOne() {
        List<CustodyHash.Entry> entries = chain();
        entries.remove(2);
        assertThat(CustodyHash.firstBroken(entries)).isEqualTo(4L);
    }
}
