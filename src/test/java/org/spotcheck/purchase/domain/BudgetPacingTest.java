package org.spotcheck.purchase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BudgetPacingTest {

    private static final BigDecimal YEAR = new BigDecimal("100000000.00");

    @Test
    void eachDayAddsAnEvenShareOfTheYear() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        assertThat(BudgetPacing.allowanceToday(YEAR, jan1, BigDecimal.ZERO)).isEqualByComparingTo("273972.60");
        assertThat(BudgetPacing.allowanceToday(YEAR, jan1.plusDays(1), BigDecimal.ZERO)).isEqualByComparingTo("547945.20");
    }

    @Test
    void whatEarlierDaysLeftUnspentCarriesOverAndSpendingReducesIt() {
        LocalDate jan10 = LocalDate.of(2026, 1, 10);
        BigDecimal paced = BudgetPacing.allowanceToday(YEAR, jan10, BigDecimal.ZERO);
        assertThat(BudgetPacing.allowanceToday(YEAR, jan10, new BigDecimal("1000000.00")))
                .isEqualByComparingTo(paced.subtract(new BigDecimal("1000000.00")));
    }

    @Test
    void neverNegativeAndNeverMoreThanTheYearHasLeft() {
        assertThat(BudgetPacing.allowanceToday(YEAR, LocalDate.of(2026, 1, 1), new BigDecimal("500000")))
                .isEqualByComparingTo("0.00");
        assertThat(BudgetPacing.allowanceToday(YEAR, LocalDate.of(2026, 12, 31), new BigDecimal("99999999.00")))
                .isEqualByComparingTo("1.00");
        assertThat(BudgetPacing.allowanceToday(YEAR, LocalDate.of(2028, 12, 31), BigDecimal.ZERO))
                .isEqualByComparingTo(YEAR); // leap year: day 366 of 366
    }

    @Test
    void aPurchaseAboveOneAndAHalfTimesTheReservationNeedsApproval() {
        assertThat(BudgetPacing.needsApproval(new BigDecimal("150.00"), new BigDecimal("100.00"))).isFalse();
        assertThat(BudgetPacing.needsApproval(new BigDecimal("150.01"), new BigDecimal("100.00"))).isTrue();
    }

    @Test
    void slaByPriorityAndEscalation() {
        assertThat(PurchaseSla.dueIn(1)).hasHours(24);
        assertThat(PurchaseSla.dueIn(2)).hasHours(72);
        assertThat(PurchaseSla.dueIn(3)).hasDays(7);
        assertThat(PurchaseSla.escalate(3)).isEqualTo(2);
        assertThat(PurchaseSla.escalate(1)).isEqualTo(1);
    }
}
