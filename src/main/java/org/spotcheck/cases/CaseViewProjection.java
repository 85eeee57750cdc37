package org.spotcheck.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.cases.domain.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case view and the paged case search, a read model across capabilities (the case with
 * its listing, seller, flags, budget, purchase, evidence, verification, sanction, commands
 * and referral): a projection may join the tables of other capabilities and writes none
 * (TableOwnershipTest lists the projections).
 * <p>Size: the whole case view is one read model, a query per part (the appeal and the
 * statement of reasons included); split up, the parts would each need the case's key.
 */
@Component
class CaseViewProjection {

    private final JdbcClient jdbc;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    CaseViewProjection(JdbcClient jdbc, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    CaseView view(String caseNumber) {
        // Size: one read model, a query per part of the case view
        Head head = jdbc.sql("""
                select c.id, c.case_number, c.status, c.outcome, c.opened_at, c.closed_at, c.process_instance_id,
                       c.triage_decision, c.priority, c.exploration,
                       l.platform, l.listing_id, l.shop_id, s.seller_id, l.title, l.brand, l.category, l.price_cny, l.url
                from spot_case c join listing l on l.id = c.listing_pk join seller s on s.id = c.seller_pk
                where c.case_number = :number""")
                .param("number", caseNumber).query(Head.class).optional()
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        List<CaseView.Flag> flags = newest(FLAGS, head.id(), CaseView.Flag.class);
        List<CaseView.TimelineEntry> timeline = newest(TIMELINE, head.id(), CaseView.TimelineEntry.class);
        CaseView.Listing listing = new CaseView.Listing(head.platform(), head.listingId(), head.shopId(),
                head.sellerId(), head.title(), head.brand(), head.category(), head.priceCny(), head.url());
        CaseView.Triage triage = head.triageDecision() == null ? null
                : new CaseView.Triage(head.triageDecision(), head.priority(), head.exploration());
        CaseView.Purchase purchase = jdbc.sql("""
                select b.amount_cny as reserved_cny, b.status as budget_status, p.listing_unavailable, p.order_number,
                       p.amount_paid_cny, p.purchased_by, p.recorded_at
                from spot_case c left join budget_reservation b on b.case_pk = c.id
                left join test_purchase p on p.case_pk = c.id
                where c.id = :case and (b.id is not null or p.case_pk is not null)""")
                .param("case", head.id()).query(CaseView.Purchase.class).optional().orElse(null);
        List<Object> evidence = List.copyOf(jdbc.sql("""
                select id, kind, sha256, uri, seal_number, storage_location, captured_by, captured_at
                from evidence_item where case_pk = :case order by id""")
                .param("case", head.id()).query(CaseView.Evidence.class).list());
        CaseView.Verification verification = jdbc.sql("""
                select route, verifier_id as verifier, verdict, report_reference, round, requested_at, answered_at
                from verification where case_pk = :case order by round desc limit 1""")
                .param("case", head.id()).query(CaseView.Verification.class).optional().orElse(null);
        List<CaseView.Command> commands = jdbc.sql(
                        "select command, shop_id, issued_at from platform_command where case_pk = :case order by issued_at")
                .param("case", head.id()).query(CaseView.Command.class).list();
        CaseView.Sanction sanction = jdbc.sql("select level, decided_at from sanction where case_pk = :case")
                .param("case", head.id()).query((rs, n) -> new CaseView.Sanction(rs.getString("level"),
                        rs.getObject("decided_at", OffsetDateTime.class), commands)).optional()
                .orElse(commands.isEmpty() ? null : new CaseView.Sanction(null, null, commands));
        CaseView.Referral referral = jdbc.sql("""
                select d.refer, coalesce(r.agency, d.agency) as agency, d.decided_at, r.id as referral_id, r.status,
                       r.jurisdiction, r.submitted_at,
                       (select sum(o.arrests) from referral_outcome o where o.referral_id = r.id) as arrests,
                       (select sum(o.sites_closed) from referral_outcome o where o.referral_id = r.id) as sites_closed,
                       (select sum(o.seized_value_cny) from referral_outcome o where o.referral_id = r.id) as seized_value_cny
                from referral_decision d left join referral r on r.case_pk = d.case_pk where d.case_pk = :case""")
                .param("case", head.id()).query(CaseView.Referral.class).optional().orElse(null);
        return new CaseView(head.caseNumber(), head.status(), head.outcome(), head.openedAt(), head.closedAt(),
                head.processInstanceId(), listing, shown(flags), total(FLAGS, head.id(), flags), triage, purchase,
                evidence, verification, sanction, referral, shown(timeline), total(TIMELINE, head.id(), timeline),
                statementOfReasons(head.id()), appeal(head.id()));
    }

    /** The statement of reasons of the case's latest restriction, as the platform command carried it. */
    private Map<String, Object> statementOfReasons(long casePk) {
        return jdbc.sql("""
                select statement_of_reasons::text from platform_command
                where case_pk = :case and statement_of_reasons is not null order by issued_at desc, command desc limit 1""")
                .param("case", casePk).query(String.class).optional().map(this::jsonObject).orElse(null);
    }

    private Map<String, Object> jsonObject(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseView.Appeal appeal(long casePk) {
        return jdbc.sql("""
                select a.appeal_id, a.status, a.route, a.received_at, a.decide_by, a.decision, a.decision_reasons,
                       a.decided_at, a.lifted, c.strike_lifted_at is not null as strike_lifted
                from appeal a join spot_case c on c.id = a.case_pk
                where a.case_pk = :case order by a.received_at desc limit 1""")
                .param("case", casePk).query((rs, n) -> new CaseView.Appeal(rs.getString("appeal_id"),
                        rs.getString("status"), rs.getString("route"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("decide_by", OffsetDateTime.class), rs.getString("decision"),
                        rs.getString("decision_reasons"), rs.getObject("decided_at", OffsetDateTime.class),
                        List.of((String[]) rs.getArray("lifted").getArray()), rs.getBoolean("strike_lifted")))
                .optional().orElse(null);
    }

    /** What a case keeps a list of, in the order it arrived (ids grow with time). */
    private record Entries(String table, String columns) {
    }

    private static final Entries FLAGS = new Entries("flag",
            "flag_id, source, merged, received_at, risk_score, dispute_count, avg_rating, rating_count, msrp_cny");
    private static final Entries TIMELINE = new Entries("timeline_entry", "at, stage, actor, text");

    /** The newest {@link CaseView#SHOWN} entries, oldest of them first, and one more to tell whether there are others. */
    private <T> List<T> newest(Entries entries, long casePk, Class<T> type) {
        return jdbc.sql("select " + entries.columns() + " from (select id, " + entries.columns() + " from "
                        + entries.table() + " where case_pk = :case order by id desc limit :n) as newest order by id")
                .param("case", casePk).param("n", CaseView.SHOWN + 1).query(type).list();
    }

    private static <T> List<T> shown(List<T> newest) {
        return newest.size() > CaseView.SHOWN ? newest.subList(1, newest.size()) : newest;
    }

    /** The count of a case's entries; counted only when the newest ones do not tell it. */
    private long total(Entries entries, long casePk, List<?> newest) {
        return newest.size() <= CaseView.SHOWN ? newest.size() : count(entries, casePk);
    }

    private long count(Entries entries, long casePk) {
        return jdbc.sql("select count(*) from " + entries.table() + " where case_pk = :case")
                .param("case", casePk).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    CaseView.Page<CaseView.Flag> flags(String caseNumber, Paging paging) {
        return page(FLAGS, caseNumber, paging, CaseView.Flag.class);
    }

    @Transactional(readOnly = true)
    CaseView.Page<CaseView.TimelineEntry> timeline(String caseNumber, Paging paging) {
        return page(TIMELINE, caseNumber, paging, CaseView.TimelineEntry.class);
    }

    /** A page of a case's entries, oldest first: new entries only add pages at the end, earlier pages stay. */
    private <T> CaseView.Page<T> page(Entries entries, String caseNumber, Paging paging, Class<T> type) {
        long casePk = jdbc.sql("select id from spot_case where case_number = :number").param("number", caseNumber)
                .query(Long.class).optional().orElseThrow(() -> new CaseNotFoundException(caseNumber));
        List<T> rows = jdbc.sql("select " + entries.columns() + " from " + entries.table()
                        + " where case_pk = :case order by id limit :limit offset :offset")
                .param("case", casePk).param("limit", paging.fetch()).param("offset", paging.offset())
                .query(type).list();
        Long known = paging.totalFrom(rows.size());
        // one case's entries, counted on its index: exact
        long total = known != null ? known : count(entries, casePk);
        return new CaseView.Page<>(new ArrayList<>(rows.subList(0, Math.min(rows.size(), paging.size()))),
                paging.page(), paging.size(), total, true, rows.size() > paging.size());
    }

    boolean isVerifierOf(String caseNumber, String verifier) {
        return jdbc.sql("""
                select count(*) from verification v join spot_case c on c.id = v.case_pk
                where c.case_number = :case and v.verifier_id = :verifier""")
                .param("case", caseNumber).param("verifier", verifier).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    CaseView.Page<CaseView.Summary> search(CaseSearch search) {
        // Size: the search's optional criteria become one statement, with its bounded count
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.flagId() != null) {
            where.append(" and c.id = (select f.case_pk from flag f where f.flag_id = :flagId)");
            params.put("flagId", search.flagId());
        }
        if (search.listingId() != null) {
            where.append(" and c.listing_id = :listingId");
            params.put("listingId", search.listingId());
        }
        if (search.sellerId() != null) {
            where.append(" and s.seller_id = :sellerId");
            params.put("sellerId", search.sellerId());
        }
        if (search.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", search.status().name());
            if (search.status() != CaseStatus.CLOSED) {
                // implied by the status (a check constraint), spelled out so the planner uses spot_case_waiting
                where.append(" and c.closed_at is null");
            }
        }
        if (search.outcome() != null) {
            where.append(" and c.outcome = :outcome");
            params.put("outcome", search.outcome().name());
        }
        String from = " from spot_case c join listing l on l.id = c.listing_pk join seller s on s.id = c.seller_pk";
        Paging paging = search.paging();
        List<CaseView.Summary> rows = jdbc.sql("""
                        select c.case_number, c.status, c.outcome, c.platform, c.listing_id, s.seller_id, l.brand,
                               l.category, c.priority, c.opened_at, c.closed_at""" + from + where
                        + " order by c.opened_at desc, c.id desc limit :limit offset :offset")
                .params(params).param("limit", paging.fetch()).param("offset", paging.offset())
                .query(CaseView.Summary.class).list();
        // a count only when the page does not tell the total, and never past the cap
        Long counted = null;
        if (paging.totalFrom(rows.size()) == null) {
            // the count needs seller only to filter by it: foreign keys guarantee the other rows
            String countFrom = search.sellerId() != null
                    ? " from spot_case c join seller s on s.id = c.seller_pk" : " from spot_case c";
            counted = jdbc.sql("select count(*) from (select 1" + countFrom + where + " limit :cap) as matching")
                    .params(params).param("cap", Paging.COUNT_CAP + 1).query(Long.class).single();
        }
        Paging.Total total = paging.total(rows.size(), counted);
        List<CaseView.Summary> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), paging.size())));
        return new CaseView.Page<>(items, paging.page(), paging.size(), total.total(), total.exact(), total.hasMore());
    }

    record Head(long id, String caseNumber, String status, String outcome, OffsetDateTime openedAt,
                OffsetDateTime closedAt, String processInstanceId, String triageDecision, Integer priority,
                boolean exploration, String platform, String listingId, String shopId, String sellerId, String title,
                String brand, String category, BigDecimal priceCny, String url) {
    }
}
