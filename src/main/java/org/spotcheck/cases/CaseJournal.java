package org.spotcheck.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a case leaves a timeline entry and a {@code spotcheck.case-events}
 * event, both in the transaction of the change itself.
 */
@Component
public class CaseJournal {

    public static final String ACTOR_SYSTEM = "spotcheck";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    CaseJournal(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * @param eventType short type such as {@code flagged}; published as {@code spotcheck.case.flagged}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CaseRef ref, String stage, String actor, String text, String eventType, Map<String, ?> data) {
        // clock_timestamp(): entries of one transaction keep their real order in time
        jdbc.sql("""
                insert into timeline_entry (case_pk, at, stage, actor, text)
                values (:case, clock_timestamp(), :stage, :actor, :text)""")
                .param("case", ref.pk()).param("stage", stage).param("actor", actor).param("text", text)
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseNumber", ref.caseNumber());
        payload.put("stage", stage);
        payload.putAll(data);
        outbox.append(Topics.CASE_EVENTS, ref.caseNumber(), "spotcheck.case." + eventType, ref.caseNumber(), payload);
    }
}
