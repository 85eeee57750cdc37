package org.spotcheck.intake;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseProcessStarter;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.db.TransientRetry;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.listing.Listings;
import org.spotcheck.network.SellerNetwork;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.triage.ExplorationBudget;
import org.spotcheck.triage.TriageTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake of flags (CONTRACT.md, "Flags and cases"): a flag is a signal, a case is work. Each
 * new flag is triaged at once with the DMN table {@code triage}; only a test buy (including
 * an exploration buy drawn against the budget) or a review opens a case and starts its
 * process; a flag for a listing with an open case joins that case; any other flag is stored
 * once, with its decision. The same flag id twice gives the same answer. A batch is one
 * transaction of a few set-based statements ({@link IntakeBatch}), which is what lets Kafka
 * intake keep up with a platform's flag volume (docs/performance.md).
 */
@Service
public class IntakeService {

    private final Steps steps;
    private final CaseRepository cases;
    private final CaseProcessStarter processes;
    private final FlagPartitions partitions;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransientRetry retry;
    private final IntakeMetrics metrics;

    /** What a batch's steps use: the stores and services of intake and of the capabilities it asks. */
    record Steps(IntakeRepository intake, FlagSignals signals, Listings listings, CaseRepository cases,
                 CaseJournal journal, CaseProcessStarter processes, SellerNetwork network, TriageTable triage,
                 ExplorationBudget exploration, FlagPartitions partitions, NotifierStanding standing, ObjectMapper json,
                 MeterRegistry meters) {

        /** Time per step, summed over batches ({@code spotcheck.intake.step}): where intake spends its time. */
        <T> T timed(String step, Supplier<T> work) {
            return Timer.builder("spotcheck.intake.step").tag("step", step).register(meters).record(work);
        }

        void timed(String step, Runnable work) {
            Timer.builder("spotcheck.intake.step").tag("step", step).register(meters).record(work);
        }

        /** The flags of cases on record among these ids, each with its case's number and triage. */
        Map<String, IntakeRepository.CaseFlag> caseFlags(Collection<String> flagIds) {
            Map<String, IntakeRepository.OfCase> stored = intake.caseFlags(flagIds);
            Map<Long, CaseRepository.Triage> triage = cases.triage(stored.values().stream()
                    .map(IntakeRepository.OfCase::casePk).collect(Collectors.toSet()));
            Map<String, IntakeRepository.CaseFlag> found = new HashMap<>();
            stored.forEach((id, flag) -> {
                CaseRepository.Triage c = triage.get(flag.casePk());
                found.put(id, new IntakeRepository.CaseFlag(c.caseNumber(), flag.merged(), c.decision(), c.priority(),
                        c.exploration()));
            });
            return found;
        }

        /** Each seller's record as triage weighs it: strikes (cases closed counterfeit) and clean checks. */
        Map<Long, IntakeRepository.SellerRecord> sellerRecords(Collection<Long> sellerPks) {
            Map<Long, Integer> strikes = cases.counterfeitCounts(sellerPks);
            Map<Long, Integer> clean = network.cleanChecks(sellerPks);
            Map<Long, IntakeRepository.SellerRecord> found = new HashMap<>();
            sellerPks.forEach(pk -> found.put(pk, new IntakeRepository.SellerRecord(strikes.getOrDefault(pk, 0),
                    clean.getOrDefault(pk, 0))));
            return found;
        }

        LocalDate firstRetainedDay(LocalDate today) {
            return partitions.firstRetainedDay(today);
        }

        String toJson(NewFlag flag) {
            try {
                return json.writeValueAsString(flag);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("flag is not serialisable", e);
            }
        }
    }

    IntakeService(IntakeRepository intake, FlagSignals signals, Listings listings, CaseRepository cases,
                  CaseJournal journal, CaseProcessStarter processes, SellerNetwork network, TriageTable triage,
                  ExplorationBudget exploration, FlagPartitions partitions, NotifierStanding standing,
                  ObjectMapper json, Clock clock, MeterRegistry meters, PlatformTransactionManager transactions,
                  TransientRetry retry, IntakeMetrics metrics) {
        this.steps = new Steps(intake, signals, listings, cases, journal, processes, network, triage, exploration,
                partitions, standing, json, meters);
        this.cases = cases;
        this.processes = processes;
        this.partitions = partitions;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.retry = retry;
        this.metrics = metrics;
    }

    /** @return those of these flag ids that are on record as flags of cases */
    public java.util.Set<String> caseFlagsOnRecord(Collection<String> flagIds) {
        return steps.intake().caseFlags(flagIds).keySet();
    }

    /** One flag, in the caller's transaction; a process it starts runs after that commits (job executor). */
    @Transactional
    public FlagAnswer receive(NewFlag flag, String receivedBy) {
        return receiveAll(List.of(flag), receivedBy).get(0);
    }

    /**
     * One flag for a caller waiting for the answer (REST): stored in a transaction of its
     * own, then the process it started runs its first steps at once, so the answer says
     * where the case went (AWAITING_PURCHASE, AWAITING_REVIEW, ...), as the case view will.
     * A deadlock, serialization failure or lock timeout rolls the transaction back and is
     * tried again (a few times), as a Kafka batch would be.
     */
    @Transactional(propagation = Propagation.NEVER)
    public FlagAnswer receiveAndStart(NewFlag flag, String receivedBy) {
        // before the transaction: attaching a partition takes a lock the intake transaction must not hold
        partitions.ensure(today());
        FlagAnswer stored = retry.run(() -> transaction.execute(status -> receiveAll(List.of(flag), receivedBy).get(0)));
        if (!stored.opened() || stored.processInstanceId() == null) {
            return stored;
        }
        processes.awaitStart(stored.processInstanceId());
        CaseRepository.CaseState now = cases.state(cases.require(stored.caseNumber()).pk());
        return stored.withCase(now.status(), now.processInstanceId());
    }

    /** A batch for a caller waiting for the answers (REST): one transaction, tried again on a transient failure. */
    @Transactional(propagation = Propagation.NEVER)
    public List<FlagAnswer> receiveBatch(List<NewFlag> flags, String receivedBy) {
        // before the transaction: attaching a partition takes a lock the intake transaction must not hold
        partitions.ensure(today());
        return retry.run(() -> transaction.execute(status -> receiveAll(flags, receivedBy)));
    }

    /** Many flags in one transaction; @return one answer per flag, in list order */
    @Transactional
    public List<FlagAnswer> receiveAll(List<NewFlag> flags, String receivedBy) {
        Instant now = clock.instant();
        // again for callers already in a transaction (Kafka batches) and past midnight: a no-op once the day is known
        partitions.ensure(LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<FlagAnswer> answers = new IntakeBatch(steps, flags, receivedBy, now).run(flags);
        metrics.count(answers);
        return answers;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static Map<String, Object> flaggedData(NewFlag flag) {
        NewFlag.Listing listing = flag.listing();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flagId", flag.flagId());
        data.put("source", flag.source().name());
        data.put("platform", listing.platform());
        data.put("listingId", listing.listingId());
        data.put("shopId", listing.shopId());
        data.put("category", listing.category().name());
        data.put("riskScore", flag.signals().riskScore());
        return data;
    }

    /** The inputs of DMN {@code triage}, as the process passes them too. */
    static VariableMap triageInputs(NewFlag flag, IntakeRepository.SellerRecord seller, int recentFlags,
                                    String reporterStanding) {
        NewFlag.Signals s = flag.signals();
        VariableMap vars = Variables.createVariables();
        Vars.RISK_SCORE.on(vars).set(s.riskScore().doubleValue());
        Vars.DISPUTE_COUNT.on(vars).set(s.disputeCount());
        Vars.AVG_RATING.on(vars).set(s.avgRating() == null ? null : s.avgRating().doubleValue());
        Vars.PRICE_TO_MSRP.on(vars).set(flag.priceToMsrp() == null ? null : flag.priceToMsrp().doubleValue());
        Vars.CATEGORY.on(vars).set(flag.listing().category().name());
        Vars.PRIOR_STRIKES.on(vars).set(seller.priorStrikes());
        Vars.CLEAN_CHECKS.on(vars).set(seller.cleanChecks());
        Vars.SALES_VALUE_CNY.on(vars).set(flag.salesValueCny() == null ? null : flag.salesValueCny().doubleValue());
        Vars.RECENT_FLAGS.on(vars).set(recentFlags);
        Vars.REPORTER_STANDING.on(vars).set(reporterStanding);
        return vars;
    }

    /**
     * The start variables: the triage inputs, and the decision and priority intake took and
     * answered with. The process records that decision rather than evaluate the table again:
     * a version deployed in between would make the case go another way than the answer said
     * (and the table was the largest cost of a case's first step).
     */
    static VariableMap processVariables(CaseRef ref, NewFlag flag, IntakeRepository.SellerRecord seller,
                                                int recentFlags, String reporterStanding, TriageTable.Verdict verdict,
                                                boolean explorationDrawn) {
        NewFlag.Listing l = flag.listing();
        VariableMap vars = triageInputs(flag, seller, recentFlags, reporterStanding);
        Vars.TRIAGE_DECISION.on(vars).set(verdict.decision().name());
        Vars.PRIORITY.on(vars).set(verdict.priority());
        Vars.CASE_NUMBER.on(vars).set(ref.caseNumber());
        Vars.LISTING_TITLE.on(vars).set(l.title());
        Vars.LISTING_URL.on(vars).set(l.url());
        Vars.BRAND.on(vars).set(l.brand());
        Vars.PRICE_CNY.on(vars).set(l.priceCny().toPlainString());
        Vars.EXPLORATION_DRAWN.on(vars).set(explorationDrawn);
        return vars;
    }
}
