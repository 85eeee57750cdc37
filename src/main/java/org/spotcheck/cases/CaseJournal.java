package org.spotcheck.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.db.ArraySql;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.jdbc.core.JdbcTemplate;
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
    /** What a timeline entry holds (timeline_entry.text). */
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Outbox outbox;

    CaseJournal(JdbcClient jdbc, JdbcTemplate template, Outbox outbox) {
        this.jdbc = jdbc;
        this.template = template;
        this.outbox = outbox;
    }

    /** One change of a case for {@link #recordAll}. */
    public record Entry(CaseRef ref, String stage, String actor, String text, String eventType, Map<String, ?> data) {
    }

    /** {@link #record} for many changes at once: one statement for the entries, one for the events. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Long> cases = new ArrayList<>(entries.size());
        List<String> stages = new ArrayList<>(entries.size());
        List<String> actors = new ArrayList<>(entries.size());
        List<String> texts = new ArrayList<>(entries.size());
        List<Outbox.Event> events = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            cases.add(entry.ref().pk());
            stages.add(entry.stage());
            actors.add(entry.actor());
            texts.add(bounded(entry.text()));
            events.add(new Outbox.Event(Topics.CASE_EVENTS, entry.ref().caseNumber(), "spotcheck.case." + entry.eventType(),
                    entry.ref().caseNumber(), payload(entry.ref(), entry.stage(), entry.data())));
        }
        ArraySql.update(template, """
                insert into timeline_entry (case_pk, at, stage, actor, text)
                select c, clock_timestamp(), s, a, t
                from unnest(?::int8[], ?::varchar[], ?::varchar[], ?::varchar[]) with ordinality as e(c, s, a, t, n)
                order by n""", ArraySql.of("int8", cases), ArraySql.of("varchar", stages), ArraySql.of("varchar", actors),
                ArraySql.of("varchar", texts));
        outbox.appendAll(events);
    }

    /** A text too long for the timeline is cut (marked with '…') rather than failing the change it records. */
    static String bounded(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + "…";
    }

    private static Map<String, Object> payload(CaseRef ref, String stage, Map<String, ?> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseNumber", ref.caseNumber());
        payload.put("stage", stage);
        payload.putAll(data);
        return payload;
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
                .param("case", ref.pk()).param("stage", stage).param("actor", actor).param("text", bounded(text))
                .update();
        outbox.append(Topics.CASE_EVENTS, ref.caseNumber(), "spotcheck.case." + eventType, ref.caseNumber(),
                payload(ref, stage, data));
    }
}
