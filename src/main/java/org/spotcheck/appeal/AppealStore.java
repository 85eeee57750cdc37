package org.spotcheck.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.spotcheck.appeal.Appeal.AppealStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code appeal}: sellers' appeals, one open per case; only this class reads or writes it. */
@Repository
class AppealStore {

    private static final TypeReference<List<Appeal.EvidenceRef>> EVIDENCE = new TypeReference<>() { };
    private static final String APPEAL = """
            select a.appeal_id, a.case_pk, a.seller_id, a.status, a.route, a.grounds, a.evidence::text as evidence,
                   a.received_at, a.decide_by, a.counter_notice_sent_at, a.rights_holder_action, a.rights_holder_reference,
                   a.decision, a.decision_reasons, a.decided_at, a.lifted
            from appeal a""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AppealStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An appeal row with its case key, which the API shows as the case number. */
    record Row(long casePk, Appeal appeal) {
    }

    /**
     * @return false when nothing was stored: the id is taken, or the case has an open appeal
     *         (any unique index: the caller tells which by reading)
     */
    boolean insert(long casePk, String caseNumber, Appeal a) {
        return jdbc.sql("""
                insert into appeal (appeal_id, case_pk, seller_id, grounds, evidence, route, status, received_at, decide_by)
                values (:id, :case, :seller, :grounds, cast(:evidence as jsonb), :route, 'RECEIVED', :received, :decideBy)
                on conflict do nothing""")
                .param("id", a.appealId()).param("case", casePk).param("seller", a.sellerId())
                .param("grounds", a.grounds()).param("evidence", write(a.evidence())).param("route", a.route().name())
                .param("received", a.receivedAt()).param("decideBy", a.decideBy()).update() == 1;
    }

    Optional<Row> find(String appealId, java.util.function.LongFunction<String> caseNumbers) {
        return jdbc.sql(APPEAL + " where a.appeal_id = :id").param("id", appealId)
                .query((rs, i) -> row(rs, caseNumbers)).optional();
    }

    /** @return the case's open appeal, if any */
    Optional<String> openOf(long casePk) {
        return jdbc.sql("select appeal_id from appeal where case_pk = :case and status <> 'DECIDED'")
                .param("case", casePk).query(String.class).optional();
    }

    /** @return the case's latest appeal, if any (the case view shows it) */
    Optional<Row> latestOf(long casePk, java.util.function.LongFunction<String> caseNumbers) {
        return jdbc.sql(APPEAL + " where a.case_pk = :case order by a.received_at desc limit 1").param("case", casePk)
                .query((rs, i) -> row(rs, caseNumbers)).optional();
    }

    void counterNoticeSent(String appealId, OffsetDateTime at) {
        jdbc.sql("""
                update appeal set status = 'COUNTER_NOTICE_SENT', counter_notice_sent_at = coalesce(counter_notice_sent_at, :at)
                where appeal_id = :id and status = 'RECEIVED'""").param("id", appealId).param("at", at).update();
    }

    /** @return false when the rights holder's action was recorded before */
    boolean rightsHolderAction(String appealId, RightsHolderAction action, String reference) {
        return jdbc.sql("""
                update appeal set rights_holder_action = :action, rights_holder_reference = :reference
                where appeal_id = :id and rights_holder_action is null and status = 'COUNTER_NOTICE_SENT'""")
                .param("id", appealId).param("action", action.name()).param("reference", reference).update() == 1;
    }

    /** @return false when the appeal was decided before (a retried step); {@code by} null keeps the reviewer */
    boolean decide(String appealId, AppealDecision decision, String reasons, String by, OffsetDateTime at) {
        return jdbc.sql("""
                update appeal set status = 'DECIDED', decision = :decision, decision_reasons = :reasons,
                                  decided_by = coalesce(:by, decided_by), decided_at = :at
                where appeal_id = :id and status <> 'DECIDED'""")
                .param("id", appealId).param("decision", decision.name()).param("reasons", reasons).param("by", by)
                .param("at", at).update() == 1;
    }

    void lifted(String appealId, List<String> commands) {
        jdbc.sql("update appeal set lifted = :lifted where appeal_id = :id")
                .param("id", appealId).param("lifted", commands.toArray(String[]::new)).update();
    }

    private Row row(ResultSet rs, java.util.function.LongFunction<String> caseNumbers) throws SQLException {
        long casePk = rs.getLong("case_pk");
        AppealRoute route = AppealRoute.valueOf(rs.getString("route"));
        String action = rs.getString("rights_holder_action");
        Appeal.CounterNotice notice = route != AppealRoute.COUNTER_NOTICE ? null : new Appeal.CounterNotice(
                rs.getObject("counter_notice_sent_at", OffsetDateTime.class),
                action == null ? null : RightsHolderAction.valueOf(action), rs.getString("rights_holder_reference"));
        String decision = rs.getString("decision");
        Array lifted = rs.getArray("lifted");
        Appeal.Decision decided = decision == null ? null : new Appeal.Decision(AppealDecision.valueOf(decision),
                rs.getString("decision_reasons"), rs.getObject("decided_at", OffsetDateTime.class),
                lifted == null ? List.of() : Arrays.asList((String[]) lifted.getArray()));
        return new Row(casePk, new Appeal(rs.getString("appeal_id"), caseNumbers.apply(casePk), rs.getString("seller_id"),
                AppealStatus.valueOf(rs.getString("status")), route, rs.getString("grounds"), read(rs.getString("evidence")),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decide_by", OffsetDateTime.class),
                notice, decided));
    }

    private String write(List<Appeal.EvidenceRef> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Appeal.EvidenceRef> read(String evidence) {
        try {
            return json.readValue(evidence, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void reviewedBy(String appealId, String reviewer) {
        jdbc.sql("update appeal set decided_by = :by where appeal_id = :id and status <> 'DECIDED'")
                .param("id", appealId).param("by", reviewer).update();
    }

    String decidedBy(String appealId) {
        return jdbc.sql("select decided_by from appeal where appeal_id = :id").param("id", appealId)
                .query(String.class).optional().orElse(null);
    }
}
