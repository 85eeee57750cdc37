package org.spotcheck.purchase;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PurchaseRepository {

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
}
