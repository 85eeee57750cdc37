package org.spotcheck.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a case leaves a timeline entry and a {@code spotcheck.case-events}
 * event, both in the transaction of the change itself. The SQL is {@link JournalStore}'s.
 */
@Component
public class CaseJournal {

    public static final String ACTOR_SYSTEM = "spotcheck";
    /** What a timeline entry holds (timeline_entry.text). */
    static final int MAX_TEXT = 4000;

    private final JournalStore store;
    private final Outbox outbox;

    CaseJournal(JournalStore store, Outbox outbox) {
        this.store = store;
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
        List<JournalStore.Line> lines = new ArrayList<>(entries.size());
        List<Outbox.Event> events = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            lines.add(new JournalStore.Line(entry.ref().pk(), entry.stage(), entry.actor(), bounded(entry.text())));
            events.add(new Outbox.Event(Topics.CASE_EVENTS, entry.ref().caseNumber(), "spotcheck.case." + entry.eventType(),
                    entry.ref().caseNumber(), payload(entry.ref(), entry.stage(), entry.data())));
        }
        store.appendAll(lines);
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
        // clock_timestamp() (JournalStore): entries of one transaction keep their real order in time
        store.append(new JournalStore.Line(ref.pk(), stage, actor, bounded(text)));
        outbox.append(Topics.CASE_EVENTS, ref.caseNumber(), "spotcheck.case." + eventType, ref.caseNumber(),
                payload(ref, stage, data));
    }

    /** Everyone named on the case's timeline (users, and {@link #ACTOR_SYSTEM}). */
    public java.util.Set<String> actors(long casePk) {
        return store.actors(casePk);
    }
}
