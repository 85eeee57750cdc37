package org.spotcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A timeline text never outgrows its column, so recording a change can never be what fails it. */
class CaseJournalTextTest {

    @Test
    void aTextLongerThanTheTimelineHoldsIsCutAndMarked() {
        String bounded = CaseJournal.bounded("x".repeat(CaseJournal.MAX_TEXT * 2));

        assertThat(bounded).hasSize(CaseJournal.MAX_TEXT).endsWith("…");
        assertThat(CaseJournal.bounded("short")).isEqualTo("short");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String emoji = "\uD83D\uDCE6"; // one character, two UTF-16 units
        String bounded = CaseJournal.bounded("x".repeat(CaseJournal.MAX_TEXT - 2) + emoji + "tail");

        assertThat(bounded).endsWith("x…").hasSizeLessThanOrEqualTo(CaseJournal.MAX_TEXT);
    }
}
