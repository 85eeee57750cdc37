package org.spotcheck.intake;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.InboundJson;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * {@code spotcheck.flags}: the same intake as {@code POST /api/cases} (validation,
 * idempotency by flag id, merge by listing), a whole poll of flags in one transaction.
 * A redelivered flag changes nothing; an invalid one goes to the DLT with the reason.
 */
@Component
class FlagListener {

    static final String ACTOR = "kafka";

    private final IntakeService intake;
    private final FlagMapper mapper;
    private final InboundJson inbound;
    private final DeadLetters deadLetters;
    private final SuspendedReporters suspended;

    FlagListener(IntakeService intake, FlagMapper mapper, InboundJson inbound, DeadLetters deadLetters,
                 SuspendedReporters suspended) {
        this.suspended = suspended;
        this.intake = intake;
        this.mapper = mapper;
        this.inbound = inbound;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.FLAGS, batch = "true")
    void flags(List<ConsumerRecord<String, byte[]>> records) {
        List<Entry> entries = refuseSuspended(records.stream().map(this::entry).toList());
        List<NewFlag> flags = entries.stream().filter(e -> e.flag() != null).map(Entry::flag).toList();
        if (!flags.isEmpty()) {
            try {
                intake.receiveAll(flags, ACTOR); // the whole batch in one transaction
            } catch (RuntimeException e) {
                // nothing of the batch was stored: record by record, so that only the flag at
                // fault is dead-lettered (or, failing transiently, retried and at last parked)
                finish(entries, true);
                return;
            }
        }
        // after the batch is stored: a retried batch has not dead-lettered anything yet
        finish(entries, false);
    }

    /** A suspended reporter's flag is dead-lettered with the reason and the end date, as an invalid one is. */
    private List<Entry> refuseSuspended(List<Entry> entries) {
        java.util.Map<String, String> refused = suspended.refusals(entries.stream().map(Entry::flag)
                .filter(java.util.Objects::nonNull).toList());
        return refused.isEmpty() ? entries : entries.stream().map(e -> e.flag() == null
                || !refused.containsKey(e.flag().flagId()) ? e : new Entry(e.record(), null, refused.get(e.flag().flagId())))
                .toList();
    }

    /** A consumed record: its flag, or why it is not one. */
    private record Entry(ConsumerRecord<String, byte[]> record, NewFlag flag, String rejection) {
    }

    private Entry entry(ConsumerRecord<String, byte[]> record) {
        try {
            return new Entry(record, mapper.toNewFlag(parse(DeadLetters.text(record))), null);
        } catch (DeadLetters.RejectedMessage e) {
            return new Entry(record, null, e.getMessage());
        }
    }

    /** Dead-letters the rejected records and, if {@code receive}, stores the others one at a time. */
    private void finish(List<Entry> entries, boolean receive) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            try {
                if (entry.rejection() != null) {
                    deadLetters.reject(entry.record(), entry.rejection());
                } else if (receive) {
                    deadLetters.handle(entry.record(), () -> intake.receive(entry.flag(), ACTOR));
                }
            } catch (RuntimeException failure) {
                // everything before this record is done; the container retries from here (a bounded time)
                throw new BatchListenerFailedException("flag intake failed", failure, i);
            }
        }
    }

    private FlagRequest parse(String value) {
        return inbound.read(value, FlagRequest.class, "flag");
    }
}
