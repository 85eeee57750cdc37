package org.spotcheck.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aPageThatIsNotFullTellsTheTotalWithoutACount() {
        assertThat(new Paging(0, 20).total(7, null)).isEqualTo(new Paging.Total(7, true, false));
        assertThat(new Paging(2, 20).total(5, null)).isEqualTo(new Paging.Total(45, true, false));
        assertThat(new Paging(0, 20).total(0, null)).isEqualTo(new Paging.Total(0, true, false));
    }

    @Test
    void aFullPageOrOnePastTheEndNeedsTheCount() {
        assertThat(new Paging(0, 20).totalFrom(21)).isNull();
        assertThat(new Paging(3, 20).totalFrom(0)).isNull();
        assertThatThrownBy(() -> new Paging(0, 20).total(21, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Paging(0, 20).total(21, 57L)).isEqualTo(new Paging.Total(57, true, true));
        assertThat(new Paging(9, 20).total(0, 57L)).isEqualTo(new Paging.Total(57, true, false));
    }

    @Test
    void aCountPastTheCapSaysAtLeastTheCap() {
        assertThat(new Paging(0, 20).total(21, (long) Paging.COUNT_CAP + 1))
                .isEqualTo(new Paging.Total(Paging.COUNT_CAP, false, true));
        assertThat(new Paging(0, 20).total(21, (long) Paging.COUNT_CAP))
                .isEqualTo(new Paging.Total(Paging.COUNT_CAP, true, true));
    }

    @Test
    void aSearchReachesItsFirstTenThousandResults() {
        assertThat(new Paging(499, 20).withinSearchReach()).isTrue(); // results 9,981..10,000
        assertThat(new Paging(500, 20).withinSearchReach()).isFalse();
        assertThat(new Paging(99, 100).withinSearchReach()).isTrue();
        assertThat(new Paging(100, 100).withinSearchReach()).isFalse();
    }

    @Test
    void pagesShowAtMostAHundredRows() {
        assertThatThrownBy(() -> new Paging(0, Paging.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Paging(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Paging(0, Paging.MAX_SIZE).fetch()).isEqualTo(Paging.MAX_SIZE + 1);
    }
}
