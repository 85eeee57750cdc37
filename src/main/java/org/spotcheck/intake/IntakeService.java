package org.spotcheck.intake;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseProcessStarter;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.Outcome;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.network.SellerNetwork;
import org.spotcheck.platform.TransientRetry;
import org.spotcheck.triage.TriageTable;
import org.spotcheck.triage.domain.ExplorationPolicy;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns flags into cases, as if they arrived one after the other: the same flag id twice
 * gives the same case; a flag for a listing with an open case joins that case; any other
 * flag opens a case, triaged at once with the DMN table {@code triage}. A case triaged
 * MONITOR or DISMISS (and not drawn for an exploration buy) is stored closed, without a
 * process: most flags never reach the engine. Only a case that needs work — a test buy
 * or a review — starts its process. A batch is one transaction and writes its rows with
 * a few set-based statements, which is what lets Kafka intake keep up with a platform's
 * flag volume (README, Performance).
 */
@Service
public class IntakeService {

    private final IntakeRepository intake;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final CaseProcessStarter processes;
    private final SellerNetwork network;
    private final TriageTable triage;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;
    private final TransientRetry retry;

    IntakeService(IntakeRepository intake, CaseRepository cases, CaseJournal journal, CaseProcessStarter processes,
                  SellerNetwork network, TriageTable triage, ObjectMapper json, Clock clock, MeterRegistry meters,
                  PlatformTransactionManager transactions, TransientRetry retry) {
        this.retry = retry;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
        this.intake = intake;
        this.cases = cases;
        this.journal = journal;
        this.processes = processes;
        this.network = network;
        this.triage = triage;
        this.json = json;
        this.clock = clock;
    }

    private record Answer(long casePk, boolean merged, boolean created) {
    }

    /** One flag, in the caller's transaction; a process it starts runs after that commits (job executor). */
    @Transactional
    public IntakeResult receive(NewFlag flag, String receivedBy) {
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
    public IntakeResult receiveAndStart(NewFlag flag, String receivedBy) {
        IntakeResult stored = retry.run(() -> transaction.execute(status -> receiveAll(List.of(flag), receivedBy).get(0)));
        if (!stored.created() || stored.processInstanceId() == null) {
            return stored;
        }
        processes.awaitStart(stored.processInstanceId());
        CaseRepository.CaseState now = cases.state(cases.require(stored.caseNumber()).pk());
        return new IntakeResult(now.caseNumber(), now.status(), now.processInstanceId(), stored.mergedInto(), true);
    }

    /** Many flags in one transaction; @return one answer per flag, in list order */
    @Transactional
    public List<IntakeResult> receiveAll(List<NewFlag> flags, String receivedBy) {
        Map<String, NewFlag> unique = new LinkedHashMap<>();
        flags.forEach(flag -> unique.putIfAbsent(flag.flagId(), flag));
        timed("hold flag ids", () -> intake.holdFlagIds(unique.keySet()));
        Map<String, IntakeRepository.FlagReceipt> receipts = timed("find resent flags",
                () -> intake.findFlags(List.copyOf(unique.keySet())));
        Map<String, Answer> answers = new HashMap<>();
        receipts.forEach((flagId, receipt) -> answers.put(flagId, new Answer(receipt.casePk(), receipt.merged(), false)));
        List<NewFlag> fresh = unique.values().stream().filter(flag -> !receipts.containsKey(flag.flagId())).toList();
        if (!fresh.isEmpty()) {
            settle(fresh, receivedBy, answers);
        }

        List<Long> casePks = answers.values().stream().map(Answer::casePk).distinct().toList();
        Map<Long, CaseRepository.CaseState> states = timed("answers", () -> cases.states(casePks));
        Set<String> answered = new HashSet<>();
        List<IntakeResult> results = new ArrayList<>(flags.size());
        for (NewFlag flag : flags) {
            Answer answer = answers.get(flag.flagId());
            CaseRepository.CaseState state = states.get(answer.casePk());
            boolean first = answered.add(flag.flagId()); // the same flag twice in a batch: the second is a resend
            results.add(new IntakeResult(state.caseNumber(), state.status(), state.processInstanceId(),
                    answer.merged() ? state.caseNumber() : null, first && answer.created()));
        }
        return results;
    }

    /** The flags seen for the first time: each joins an open case, or opens one (settled at once, or with a process). */
    private void settle(List<NewFlag> fresh, String receivedBy, Map<String, Answer> answers) {
        Map<String, Long> sellers = timed("sellers", () -> intake.sellers(fresh.stream().map(NewFlag::listing).toList()));
        List<SellerNetwork.Key> keys = new ArrayList<>();
        Map<String, NewFlag.Listing> newest = new LinkedHashMap<>();
        for (NewFlag flag : fresh) {
            long sellerPk = sellers.get(sellerKey(flag));
            NewFlag.SellerIdentity identity = flag.sellerIdentity();
            if (identity != null) {
                keys.add(new SellerNetwork.Key(sellerPk, "ID_DOCUMENT", identity.idDocumentHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "BANK_ACCOUNT", identity.bankAccountHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "PHONE", identity.phoneHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "DISPATCH_ADDRESS", identity.dispatchAddressHash()));
            }
            newest.put(listingKey(flag), flag.listing()); // the newest flag's view of the listing wins
        }
        timed("identity keys", () -> network.addKeys(keys));
        Map<String, Long> listings = timed("listings", () -> intake.listings(newest.values(), sellers));
        Map<String, CaseRef> open = timed("open cases", () -> cases.findOpenByListings(newest.values().stream()
                .map(l -> new String[] {l.platform(), l.listingId()}).toList()));

        List<NewFlag> openers = fresh.stream().filter(flag -> !open.containsKey(listingKey(flag))).toList();
        Map<Long, IntakeRepository.SellerRecord> records = openers.isEmpty() ? Map.of()
                : intake.sellerRecords(openers.stream().map(flag -> sellers.get(sellerKey(flag))).distinct().toList());
        TriageTable.Evaluator table = openers.isEmpty() ? null : triage.latest();
        Iterator<String> numbers = timed("case numbers", () -> cases.nextCaseNumbers(Year.now(clock), openers.size()))
                .iterator();

        List<IntakeRepository.StoredFlag> stored = new ArrayList<>();
        List<CaseJournal.Entry> entries = new ArrayList<>();
        List<CaseRepository.SettledCase> settled = new ArrayList<>();
        List<NewFlag> settledFlags = new ArrayList<>();
        for (NewFlag flag : fresh) {
            String listing = listingKey(flag);
            CaseRef openCase = open.get(listing);
            if (openCase != null) {
                join(flag, openCase, receivedBy, stored, entries, answers);
                continue;
            }
            long sellerPk = sellers.get(sellerKey(flag));
            long listingPk = listings.get(listing);
            IntakeRepository.SellerRecord record = records.get(sellerPk);
            TriageTable.Verdict verdict = timed("triage", () -> table.decide(triageInputs(flag, record)));
            String caseNumber = numbers.next();
            ExplorationPolicy.Route route = triage.route(caseNumber, verdict.decision());
            if (route.decision() == TriageDecision.MONITOR || route.decision() == TriageDecision.DISMISS) {
                settled.add(new CaseRepository.SettledCase(caseNumber, flag.listing().platform(),
                        flag.listing().listingId(), listingPk, sellerPk, flag.signals().riskScore(),
                        verdict.decision().name(), verdict.priority(),
                        route.decision() == TriageDecision.MONITOR ? Outcome.MONITORED : Outcome.DISMISSED));
                settledFlags.add(flag);
                continue;
            }
            Optional<CaseRef> opened = cases.tryOpen(caseNumber, flag.listing().platform(), flag.listing().listingId(),
                    listingPk, sellerPk, flag.signals().riskScore());
            if (opened.isEmpty()) { // a concurrent transaction opened one for this listing first: join it
                CaseRef theirs = Optional.ofNullable(cases.findOpenByListings(List.<String[]>of(
                                new String[] {flag.listing().platform(), flag.listing().listingId()})).get(listing))
                        .orElseThrow(() -> new IllegalStateException("listing " + listing + " keeps opening and closing"));
                open.put(listing, theirs);
                join(flag, theirs, receivedBy, stored, entries, answers);
                continue;
            }
            CaseRef ref = opened.get();
            stored.add(new IntakeRepository.StoredFlag(flag, toJson(flag), ref.pk(), false));
            journal.record(ref, "FLAG", receivedBy, "Flag " + flag.flagId() + " (" + flag.source()
                            + ") opened the case for listing " + listing, "flagged", flaggedData(flag));
            timed("process start", () -> processes.start(ref, processVariables(ref, flag, record)));
            open.put(listing, ref); // later flags of this batch for the listing join it
            answers.put(flag.flagId(), new Answer(ref.pk(), false, true));
        }

        List<CaseRef> settledRefs = timed("settled cases", () -> cases.insertSettled(settled));
        for (int i = 0; i < settled.size(); i++) {
            CaseRef ref = settledRefs.get(i);
            NewFlag flag = settledFlags.get(i);
            CaseRepository.SettledCase settledCase = settled.get(i);
            stored.add(new IntakeRepository.StoredFlag(flag, toJson(flag), ref.pk(), false));
            Map<String, Object> data = flaggedData(flag);
            data.put("triageDecision", settledCase.triageDecision());
            data.put("priority", settledCase.priority());
            data.put("outcome", settledCase.outcome().name());
            entries.add(new CaseJournal.Entry(ref, "CLOSED", receivedBy, "Flag " + flag.flagId() + " ("
                    + flag.source() + ") for listing " + listingKey(flag) + ". Triage: " + settledCase.triageDecision()
                    + ", priority " + settledCase.priority() + ". Case closed: " + settledCase.outcome()
                    + " (no test purchase, no process)", "closed", data));
            answers.put(flag.flagId(), new Answer(ref.pk(), false, true));
        }
        timed("store flags", () -> intake.insertFlags(stored, receivedBy));
        timed("timeline and events", () -> journal.recordAll(entries));
    }

    /** The flag joins an open case: stored as merged, on the case's timeline, answered with the case. */
    private void join(NewFlag flag, CaseRef openCase, String receivedBy, List<IntakeRepository.StoredFlag> stored,
                      List<CaseJournal.Entry> entries, Map<String, Answer> answers) {
        stored.add(new IntakeRepository.StoredFlag(flag, toJson(flag), openCase.pk(), true));
        entries.add(new CaseJournal.Entry(openCase, "FLAG", receivedBy,
                "Flag " + flag.flagId() + " (" + flag.source() + ") merged into this open case", "flag-merged",
                Map.of("flagId", flag.flagId(), "source", flag.source().name())));
        answers.put(flag.flagId(), new Answer(openCase.pk(), true, false));
    }

    /** Time per step, summed over batches ({@code spotcheck.intake.step}): where intake spends its time. */
    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        return Timer.builder("spotcheck.intake.step").tag("step", step).register(meters).record(work);
    }

    private void timed(String step, Runnable work) {
        Timer.builder("spotcheck.intake.step").tag("step", step).register(meters).record(work);
    }

    private static String sellerKey(NewFlag flag) {
        return flag.listing().platform() + ":" + flag.listing().sellerId();
    }

    private static String listingKey(NewFlag flag) {
        return flag.listing().platform() + ":" + flag.listing().listingId();
    }

    private static Map<String, Object> flaggedData(NewFlag flag) {
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
    private static Map<String, Object> triageInputs(NewFlag flag, IntakeRepository.SellerRecord seller) {
        NewFlag.Signals s = flag.signals();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.RISK_SCORE, s.riskScore().doubleValue());
        vars.put(Vars.DISPUTE_COUNT, s.disputeCount());
        vars.put(Vars.AVG_RATING, s.avgRating() == null ? null : s.avgRating().doubleValue());
        vars.put(Vars.PRICE_TO_MSRP, flag.priceToMsrp() == null ? null : flag.priceToMsrp().doubleValue());
        vars.put(Vars.CATEGORY, flag.listing().category().name());
        vars.put(Vars.PRIOR_STRIKES, seller.priorStrikes());
        vars.put(Vars.CLEAN_CHECKS, seller.cleanChecks());
        vars.put(Vars.SALES_VALUE_CNY, flag.salesValueCny() == null ? null : flag.salesValueCny().doubleValue());
        return vars;
    }

    private static Map<String, Object> processVariables(CaseRef ref, NewFlag flag, IntakeRepository.SellerRecord seller) {
        NewFlag.Listing l = flag.listing();
        Map<String, Object> vars = triageInputs(flag, seller);
        vars.put(Vars.CASE_NUMBER, ref.caseNumber());
        vars.put(Vars.LISTING_TITLE, l.title());
        vars.put(Vars.LISTING_URL, l.url());
        vars.put(Vars.BRAND, l.brand());
        vars.put(Vars.PRICE_CNY, l.priceCny().toPlainString());
        return vars;
    }

    private String toJson(NewFlag flag) {
        try {
            return json.writeValueAsString(flag);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("flag is not serialisable", e);
        }
    }
}
