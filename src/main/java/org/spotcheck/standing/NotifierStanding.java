package org.spotcheck.standing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporters are counted (notices, test buys, verdicts, reversals on appeal) and stand as
 * DMN {@code notifier-standing} says after each verdict or reversal: good-faith reporters'
 * flags are bought first, warned ones are told, suspended ones are refused until a date.
 */
@Service
public class NotifierStanding {

    public static final String DECISION = "notifier-standing";

    /** A running suspension: the reporter's flags are refused until {@code until}, for {@code reason}. */
    public record Suspension(String reporterId, OffsetDateTime until, String reason) {
    }

    private final StandingStore store;
    private final DecisionService decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration suspension;

    NotifierStanding(StandingStore store, DecisionService decisions, Outbox outbox, Clock clock,
                     @Value("${spotcheck.reporters.suspension:P90D}") Duration suspension) {
        this.store = store;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
        this.suspension = suspension;
    }

    /** @return each known reporter's standing now (unknown reporters are absent: they stand NORMAL) */
    public Map<String, Standing> standings(Collection<String> reporterIds) {
        OffsetDateTime now = now();
        Map<String, Standing> found = new HashMap<>();
        store.records(reporterIds).forEach((id, r) -> found.put(id, r.standingAt(now)));
        return found;
    }

    /** @return the suspensions running among these reporters, by reporter */
    public Map<String, Suspension> suspended(Collection<String> reporterIds) {
        OffsetDateTime now = now();
        return store.records(reporterIds).values().stream().filter(r -> r.standingAt(now) == Standing.SUSPENDED)
                .collect(Collectors.toMap(ReporterRecord::reporterId,
                        r -> new Suspension(r.reporterId(), r.suspendedUntil(), r.reason())));
    }

    /** The reporter's record, standing as it does now. */
    public Optional<ReporterRecord> find(String reporterId) {
        OffsetDateTime now = now();
        return store.record(reporterId).map(r -> r.asOf(now));
    }

    /** Counts a batch's notices, by reporter, and links the reporters to the cases their flags opened or joined. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noticesReceived(Map<String, Long> notices, Map<Long, ? extends Collection<String>> caseReporters) {
        if (!notices.isEmpty()) {
            store.addNotices(notices, now());
        }
        if (!caseReporters.isEmpty()) {
            store.linkCases(caseReporters);
        }
    }

    /** Counts what happened on the case for each reporter whose notice it rests on, and re-decides their standing. */
    @Transactional
    public void caseEvent(long casePk, CaseEvent event) {
        store.reportersOf(casePk).forEach(reporter -> record(reporter, event)); // in one order: no deadlock
    }

    /** Counts the event for the reporter and applies the standing DMN {@code notifier-standing} gives it. */
    @Transactional
    public ReporterRecord record(String reporterId, CaseEvent event) {
        ReporterRecord counted = store.count(reporterId, event);
        if (event == CaseEvent.TEST_BUY) {
            return counted; // a purchase says nothing yet about the notice
        }
        OffsetDateTime now = now();
        Standing before = counted.standingAt(now);
        Standing after = decide(counted, before);
        if (after == before && after == counted.standing()) {
            return counted;
        }
        String reason = reason(after, counted);
        OffsetDateTime until = after == Standing.SUSPENDED && before != Standing.SUSPENDED ? now.plus(suspension)
                : counted.suspendedUntil();
        boolean rebase = after != before && (after == Standing.WARNED || after == Standing.SUSPENDED);
        store.setStanding(reporterId, after, reason, now, until, rebase);
        if (after != before && (after == Standing.WARNED || after == Standing.SUSPENDED)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reporterId", reporterId);
            data.put("standing", after.name());
            data.put("reason", reason);
            if (after == Standing.SUSPENDED) {
                data.put("suspendedUntil", until.toString());
            }
            outbox.append(Topics.CASE_EVENTS, reporterId, "spotcheck.reporter." + after.name().toLowerCase(),
                    reporterId, data);
        }
        return store.record(reporterId).orElseThrow();
    }

    private Standing decide(ReporterRecord r, Standing current) {
        VariableMap inputs = Variables.createVariables().putValue("currentStanding", current.name())
                .putValue("notices", r.notices()).putValue("verdicts", r.verdicts())
                .putValue("counterfeitShare", r.counterfeitShare()).putValue("reversals", r.reversed())
                .putValue("verdictsSinceWarning", r.verdictsSinceWarning())
                .putValue("counterfeitShareSinceWarning", r.counterfeitShareSinceWarning())
                .putValue("reversalsSinceWarning", r.reversalsSinceWarning());
        Object standing = decisions.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult().getEntry("standing");
        return Standing.valueOf((String) standing);
    }

    private static String reason(Standing standing, ReporterRecord r) {
        String record = r.verdicts() + " verdicts on " + r.notices() + " notices, " + r.counterfeit() + " counterfeit"
                + (r.counterfeitShare() == null ? "" : " (" + Math.round(r.counterfeitShare() * 100) + " %)") + ", "
                + r.reversed() + " reversed on appeal";
        return switch (standing) {
            case GOOD_FAITH -> "Accurate notices: " + record;
            case NORMAL -> record;
            case WARNED -> "Frequently unfounded notices: " + record;
            case SUSPENDED -> "Frequently unfounded notices after a warning: " + record;
        };
    }

    /** Reporters with no notice for the retention and no suspension running are forgotten (StandingPurge). */
    @Transactional
    public int purge(Duration retention) {
        OffsetDateTime now = now();
        return store.purge(now.minus(retention), now);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
