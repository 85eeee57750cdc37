package org.spotcheck.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.intake.domain.NewFlag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Flags, listings, sellers and their identity keys. Uniqueness lives in the database
 * (constraints with ON CONFLICT), so concurrent requests on several nodes agree.
 */
@Repository
class IntakeRepository {

    private final JdbcClient jdbc;

    IntakeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new flag's key, or empty when this flag id was received before */
    Optional<Long> claimFlag(NewFlag flag, String receivedBy, String payloadJson) {
        NewFlag.Signals s = flag.signals();
        return jdbc.sql("""
                insert into flag (flag_id, source, risk_score, dispute_count, avg_rating, rating_count, msrp_cny,
                                  sales_count, received_by, payload)
                values (:flagId, :source, :risk, :disputes, :rating, :ratings, :msrp, :sales, :by, cast(:payload as jsonb))
                on conflict (flag_id) do nothing
                returning id""")
                .param("flagId", flag.flagId()).param("source", flag.source().name())
                .param("risk", s.riskScore()).param("disputes", s.disputeCount()).param("rating", s.avgRating())
                .param("ratings", s.ratingCount()).param("msrp", s.msrpCny()).param("sales", s.salesCount()).param("by", receivedBy)
                .param("payload", payloadJson)
                .query(Long.class).optional();
    }

    Optional<FlagReceipt> findFlag(String flagId) {
        return jdbc.sql("""
                select c.id as case_pk, c.case_number, f.merged
                from flag f join spot_case c on c.id = f.case_pk where f.flag_id = :flagId""")
                .param("flagId", flagId).query(FlagReceipt.class).optional();
    }

    void attachFlag(long flagPk, long casePk, boolean merged) {
        jdbc.sql("update flag set case_pk = :case, merged = :merged where id = :id")
                .param("case", casePk).param("merged", merged).param("id", flagPk).update();
    }

    long seller(String platform, String sellerId) {
        return jdbc.sql("""
                insert into seller (platform, seller_id) values (:platform, :seller)
                on conflict (platform, seller_id) do nothing returning id""")
                .param("platform", platform).param("seller", sellerId).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("select id from seller where platform = :platform and seller_id = :seller")
                        .param("platform", platform).param("seller", sellerId).query(Long.class).single());
    }

    /** Creates the listing or refreshes it with what the newest flag says. */
    long listing(NewFlag.Listing l, long sellerPk) {
        return jdbc.sql("""
                insert into listing (platform, listing_id, shop_id, seller_pk, title, brand, category, price_cny, url)
                values (:platform, :listingId, :shopId, :seller, :title, :brand, :category, :price, :url)
                on conflict (platform, listing_id) do update
                   set shop_id = excluded.shop_id, seller_pk = excluded.seller_pk, title = excluded.title,
                       brand = excluded.brand, category = excluded.category, price_cny = excluded.price_cny,
                       url = excluded.url, updated_at = now()
                returning id""")
                .param("platform", l.platform()).param("listingId", l.listingId()).param("shopId", l.shopId())
                .param("seller", sellerPk).param("title", l.title()).param("brand", l.brand())
                .param("category", l.category().name()).param("price", l.priceCny()).param("url", l.url())
                .query(Long.class).single();
    }

    record FlagReceipt(long casePk, String caseNumber, boolean merged) {
    }
}
