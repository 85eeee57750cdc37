package org.spotcheck.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExplorationPolicyTest {

    private static String caseNumber(int n) {
        return String.format("CF-2026-%06d", n);
    }

    @Test
    void buysAboutTheConfiguredShareOfLowRiskCases() {
        ExplorationPolicy policy = new ExplorationPolicy(0.02, "seed");

        long drawn = IntStream.range(0, 100_000)
                .filter(n -> policy.route(caseNumber(n), TriageDecision.MONITOR).exploration()).count();

        assertThat(drawn).isBetween(1_800L, 2_200L);
    }

    @Test
    void theDrawIsReproducibleForACaseAndSeed() {
        ExplorationPolicy policy = new ExplorationPolicy(0.5, "seed");
        ExplorationPolicy sameSeed = new ExplorationPolicy(0.5, "seed");
        ExplorationPolicy otherSeed = new ExplorationPolicy(0.5, "other");

        long agreeing = IntStream.range(0, 1_000).filter(n -> policy.route(caseNumber(n), TriageDecision.DISMISS)
                .equals(sameSeed.route(caseNumber(n), TriageDecision.DISMISS))).count();
        long agreeingAcrossSeeds = IntStream.range(0, 1_000).filter(n -> policy.route(caseNumber(n),
                TriageDecision.DISMISS).equals(otherSeed.route(caseNumber(n), TriageDecision.DISMISS))).count();

        assertThat(agreeing).isEqualTo(1_000);
        assertThat(agreeingAcrossSeeds).isBetween(400L, 600L);
    }

    @Test
    void drawnCasesBecomeTestBuysMarkedAsExploration() {
        ExplorationPolicy always = new ExplorationPolicy(1.0, "seed");
        assertThat(always.route("CF-2026-000001", TriageDecision.MONITOR))
                .isEqualTo(new ExplorationPolicy.Route(TriageDecision.TEST_BUY, true));
        assertThat(always.route("CF-2026-000001", TriageDecision.DISMISS))
                .isEqualTo(new ExplorationPolicy.Route(TriageDecision.TEST_BUY, true));
    }

    @Test
    void neverTouchesTestBuysReviewsOrAZeroShare() {
        ExplorationPolicy always = new ExplorationPolicy(1.0, "seed");
        assertThat(always.route("CF-2026-000001", TriageDecision.REVIEW))
                .isEqualTo(new ExplorationPolicy.Route(TriageDecision.REVIEW, false));
        assertThat(always.route("CF-2026-000001", TriageDecision.TEST_BUY))
                .isEqualTo(new ExplorationPolicy.Route(TriageDecision.TEST_BUY, false));
        ExplorationPolicy never = new ExplorationPolicy(0.0, "seed");
        assertThat(IntStream.range(0, 10_000).anyMatch(n -> never.route(caseNumber(n), TriageDecision.MONITOR)
                .exploration())).isFalse();
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new ExplorationPolicy(1.5, "seed")).hasMessageContaining("0..1");
    }
}
