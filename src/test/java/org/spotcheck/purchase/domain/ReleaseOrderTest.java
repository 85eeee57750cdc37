package org.spotcheck.purchase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseOrderTest {

    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    private static ReleaseOrder.Place place(Integer priority, String risk, int minutes, long id) {
        return new ReleaseOrder.Place(priority, risk == null ? null : new BigDecimal(risk), T.plusSeconds(60L * minutes), id);
    }

    @Test
    void releasesByPriorityThenRiskThenAgeSoTheNewestLowRiskCaseGivesWay() {
        ReleaseOrder.Place p1 = place(1, "0.80", 5, 4);
        ReleaseOrder.Place p2HighRisk = place(2, "0.95", 9, 3);
        ReleaseOrder.Place p2Older = place(2, "0.75", 1, 2);
        ReleaseOrder.Place p2Newer = place(2, "0.75", 2, 1);
        List<ReleaseOrder.Place> places = new ArrayList<>(List.of(p2Newer, p1, p2Older, p2HighRisk));

        places.sort(ReleaseOrder.FIRST_RELEASED);

        assertThat(places).containsExactly(p1, p2HighRisk, p2Older, p2Newer);
        assertThat(ReleaseOrder.ranksAbove(p2Older, p2Newer)).isTrue();
        assertThat(ReleaseOrder.ranksAbove(p2Newer, p2Older)).isFalse();
    }

    @Test
    void equalRiskScoresOfAnotherScaleAreEqualAndTheIdBreaksTheLastTie() {
        ReleaseOrder.Place a = place(2, "0.750", 0, 1);
        ReleaseOrder.Place b = place(2, "0.75", 0, 2);

        assertThat(ReleaseOrder.ranksAbove(a, b)).isTrue();
        assertThat(ReleaseOrder.ranksAbove(b, a)).isFalse();
    }

    @Test
    void missingValuesSortAsTheReleasersSqlSortsThem() {
        // order by priority, risk_score desc: a null priority last, a null risk score first
        assertThat(ReleaseOrder.ranksAbove(place(3, "0.1", 0, 1), place(null, "0.9", 0, 2))).isTrue();
        assertThat(ReleaseOrder.ranksAbove(place(2, null, 0, 2), place(2, "0.9", 0, 1))).isTrue();
    }
}
