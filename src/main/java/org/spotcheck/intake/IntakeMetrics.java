package org.spotcheck.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts flags as intake answered them ({@value #FLAGS}), by the triage table's decision and
 * what became of the flag: {@code opened} a case (exploration buys included, with their
 * MONITOR or DISMISS), {@code merged} into an open case, {@code recorded} as a signal only, or a
 * {@code duplicate} of a flag on record. Counted once the transaction commits, so a batch rolled
 * back and tried again counts once. Counters, not queries: a scrape costs nothing.
 */
@Component
class IntakeMetrics {

    static final String FLAGS = "spotcheck.intake.flags";
    private static final List<String> RESULTS = List.of("opened", "merged", "recorded", "duplicate");

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every series from zero, so a dashboard's increase() sees the first flag of each kind too
        for (TriageDecision decision : TriageDecision.values()) {
            for (String result : RESULTS) {
                counter(decision.name(), result);
            }
        }
    }

    /** Counts these answers when the caller's transaction commits (at once without one). */
    void count(List<FlagAnswer> answers) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    countNow(answers);
                }
            });
        } else {
            countNow(answers);
        }
    }

    private void countNow(List<FlagAnswer> answers) {
        for (FlagAnswer answer : answers) {
            counter(answer.decision() == null ? "NONE" : answer.decision(), result(answer)).increment();
        }
    }

    private static String result(FlagAnswer answer) {
        if (answer.duplicate()) {
            return "duplicate";
        }
        if (answer.opened()) {
            return "opened";
        }
        return answer.mergedInto() != null ? "merged" : "recorded";
    }

    private Counter counter(String decision, String result) {
        return Counter.builder(FLAGS).description("Flags received, by triage decision and what became of each")
                .tags("decision", decision, "result", result).register(meters);
    }
}
