package org.spotcheck.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.spotcheck.purchase.BudgetService;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Exploration buys spend a share of the day's test-buy allowance, accrued over the day, shared by all nodes. */
class ExplorationBudgetTest extends IntegrationTest {

    private static final int YEAR = 2031; // a year of its own: no other test spends its days
    private static final BigDecimal PRICE = new BigDecimal("89.00"); // + 15.00 shipping: 104 a buy

    @Autowired
    private BudgetService budget;
    @Autowired
    private JdbcClient db;
    @Autowired
    private ExplorationStore store;
    @Autowired
    private TransactionTemplate transactions;

    private int drawsAt(ExplorationBudget exploration, String instant, int flags) {
        return transactions.execute(status -> {
            ExplorationBudget.Draws draws = exploration.at(Instant.parse(instant));
            int drawn = 0;
            for (int i = 0; i < flags; i++) {
                drawn += draws.draw(PRICE) ? 1 : 0;
            }
            return drawn;
        });
    }

    @Test
    void drawsNoMoreThanTheShareAccruedSoFarToday() {
        budget.setYearBudget(YEAR, new BigDecimal("36500000"), "test"); // 100,000 a day
        ExplorationBudget exploration = new ExplorationBudget(store, budget, new TriageProperties(0.02)); // 2,000 a day

        assertThat(drawsAt(exploration, YEAR + "-03-10T00:00:01Z", 50)).as("nothing accrued yet").isZero();
        assertThat(drawsAt(exploration, YEAR + "-03-10T06:00:00Z", 50)).as("500 accrued: 4 buys").isEqualTo(4);
        assertThat(drawsAt(exploration, YEAR + "-03-10T06:00:00Z", 50)).as("another node, same moment").isZero();
        assertThat(drawsAt(exploration, YEAR + "-03-10T12:00:00Z", 50)).as("1,000 accrued: 9 in all").isEqualTo(5);
        assertThat(drawsAt(exploration, YEAR + "-03-11T00:00:30Z", 50)).as("a new day starts from nothing").isZero();

        BigDecimal spent = db.sql("select spent_cny from exploration_day where day = :day")
                .param("day", LocalDate.parse(YEAR + "-03-10")).query(BigDecimal.class).single();
        assertThat(spent).isEqualByComparingTo("936.00");

        assertThat(drawsAt(new ExplorationBudget(store, budget, new TriageProperties(0)), YEAR + "-03-12T23:00:00Z", 5))
                .as("no share, no buys").isZero();
    }

    @Test
    void aDaysSpendIsForgottenWithItsFlags() {
        db.sql("insert into exploration_day (day, spent_cny, buys) values ('2020-01-01', 10, 1) on conflict do nothing")
                .update();
        ExplorationBudget exploration = new ExplorationBudget(store, budget, new TriageProperties(0.02));
        assertThat(exploration.forgetBefore(LocalDate.parse("2020-01-02"))).isGreaterThanOrEqualTo(1);
        assertThat(db.sql("select count(*) from exploration_day where day < '2020-01-02'").query(Long.class).single())
                .isZero();
    }
}
