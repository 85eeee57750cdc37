package org.spotcheck.purchase;

import java.math.BigDecimal;
import java.util.Optional;
import org.spotcheck.evidence.PaidPrices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PurchaseRepository implements PaidPrices {

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the purchase was recorded already (a retried step) */
    boolean record(long casePk, boolean listingUnavailable, String orderNumber, BigDecimal paid, String buyer) {
        return jdbc.sql("""
                insert into test_purchase (case_pk, listing_unavailable, order_number, amount_paid_cny, purchased_by)
                values (:case, :unavailable, :order, :paid, :buyer) on conflict (case_pk) do nothing""")
                .param("case", casePk).param("unavailable", listingUnavailable).param("order", orderNumber)
                .param("paid", paid).param("buyer", buyer).update() == 1;
    }

    @Override
    public Optional<BigDecimal> paidFor(long casePk) {
        return jdbc.sql("select amount_paid_cny from test_purchase where case_pk = :case and amount_paid_cny is not null")
                .param("case", casePk).query(BigDecimal.class).optional();
    }
}
