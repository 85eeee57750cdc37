package org.spotcheck.triage;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code exploration_day}: each day's exploration spend, for {@link ExplorationBudget}. */
@Repository
class ExplorationStore {

    private final JdbcClient jdbc;

    ExplorationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day's row, so that it can be locked (nothing spent yet). */
    void ensureDay(LocalDate day) {
        jdbc.sql("insert into exploration_day (day) values (:day) on conflict (day) do nothing")
                .param("day", day).update();
    }

    /** @param lock whether to lock the day's row until commit */
    BigDecimal spentOn(LocalDate day, boolean lock) {
        return jdbc.sql("select spent_cny from exploration_day where day = :day" + (lock ? " for update" : ""))
                .param("day", day).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Counts a buy at this cost. */
    void spend(LocalDate day, BigDecimal cost) {
        jdbc.sql("update exploration_day set spent_cny = spent_cny + :cost, buys = buys + 1 where day = :day")
                .param("cost", cost).param("day", day).update();
    }

    /** @return how many days before {@code day} were removed */
    int forgetBefore(LocalDate day) {
        return jdbc.sql("delete from exploration_day where day < :day").param("day", day).update();
    }
}
