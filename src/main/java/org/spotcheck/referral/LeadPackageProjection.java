package org.spotcheck.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lead package an agency gets, a read model across capabilities: the case with its
 * listing, seller, counterfeit verdict and sanction; its evidence with the custody chain;
 * and the seller's network with each member's strikes and cases. A projection may join the
 * tables of other capabilities (it writes none); ownership of the rest is checked by
 * TableOwnershipTest, which lists the projections.
 */
@Component
class LeadPackageProjection {

    private final JdbcClient jdbc;

    LeadPackageProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> of(long casePk) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("case", jdbc.sql("""
                select c.case_number, c.opened_at, l.platform, l.listing_id, l.shop_id, l.title, l.brand, l.category,
                       l.price_cny, l.url, s.seller_id, v.verifier_id, v.verdict, v.report_reference, x.level as sanction
                from spot_case c join listing l on l.id = c.listing_pk join seller s on s.id = c.seller_pk
                left join verification v on v.case_pk = c.id and v.verdict = 'COUNTERFEIT'
                left join sanction x on x.case_pk = c.id where c.id = :case limit 1""")
                .param("case", casePk).query().singleRow());
        pkg.put("evidence", jdbc.sql("""
                select i.kind, i.sha256, i.seal_number, i.storage_location, e.action, e.actor, e.at, e.details, e.entry_hash
                from evidence_item i join custody_entry e on e.evidence_pk = i.id where i.case_pk = :case order by e.id""")
                .param("case", casePk).query().listOfRows());
        List<Map<String, Object>> network = jdbc.sql("""
                select s.platform, s.seller_id, s.banned_at is not null as banned,
                       (select count(*) from spot_case o where o.seller_pk = s.id and o.outcome = 'COUNTERFEIT' and o.strike_lifted_at is null) as strikes,
                       (select string_agg(o.case_number || ':' || coalesce(o.outcome, o.status), ', ' order by o.id)
                        from spot_case o where o.seller_pk = s.id) as cases
                from seller s where s.network_id = (select network_id from seller where id =
                    (select seller_pk from spot_case where id = :case)) order by s.id""")
                .param("case", casePk).query().listOfRows();
        pkg.put("network", network);
        return pkg;
    }
}
