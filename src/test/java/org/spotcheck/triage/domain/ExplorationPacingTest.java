package org.spotcheck.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExplorationPacingTest {

    private static final BigDecimal DAY = new BigDecimal("100000.00"); // a day's test-buy allowance

    @Test
    void theShareOfTheDaysAllowanceAccruesEvenlyOverTheDay() {
        ExplorationPacing pacing = new ExplorationPacing(0.02);
        assertThat(pacing.pacedSoFar(DAY, 0)).isEqualByComparingTo("0");
        assertThat(pacing.pacedSoFar(DAY, 0.25)).isEqualByComparingTo("500");
        assertThat(pacing.pacedSoFar(DAY, 1)).isEqualByComparingTo("2000");
    }

    @Test
    void aBuyIsDrawnOnlyWhileThePacedShareCoversIt() {
        ExplorationPacing pacing = new ExplorationPacing(0.02);
        BigDecimal buy = new BigDecimal("120");
        assertThat(pacing.draws(BigDecimal.ZERO, buy, DAY, 0.001)).as("0.1 % into the day: 2 CNY accrued").isFalse();
        assertThat(pacing.draws(BigDecimal.ZERO, buy, DAY, 0.1)).as("200 CNY accrued").isTrue();
        assertThat(pacing.draws(new BigDecimal("120"), buy, DAY, 0.1)).as("one buy made, 80 left").isFalse();
        assertThat(pacing.draws(new BigDecimal("1880"), buy, DAY, 1)).as("the whole day's 2,000").isTrue();
        assertThat(pacing.draws(new BigDecimal("1881"), buy, DAY, 1)).isFalse();
    }

    @Test
    void spendingOverADayStaysWithinTheShare() {
        ExplorationPacing pacing = new ExplorationPacing(0.02);
        BigDecimal spent = BigDecimal.ZERO;
        int buys = 0;
        int firstHalf = 0;
        for (int minute = 0; minute < 24 * 60; minute++) { // a low-risk flag of 95 CNY every minute
            if (pacing.draws(spent, new BigDecimal("95"), DAY, minute / (24 * 60.0))) {
                spent = spent.add(new BigDecimal("95"));
                buys++;
                firstHalf += minute < 12 * 60 ? 1 : 0;
            }
        }
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("2000"));
        assertThat(buys).isEqualTo(21); // 2,000 / 95
        assertThat(firstHalf).as("spread over the day, not spent at midnight").isEqualTo(10);
    }

    @Test
    void noShareNoBuys() {
        assertThat(new ExplorationPacing(0).draws(BigDecimal.ZERO, BigDecimal.ONE, DAY, 1)).isFalse();
        assertThatThrownBy(() -> new ExplorationPacing(1.5)).hasMessageContaining("0..1");
    }
}
