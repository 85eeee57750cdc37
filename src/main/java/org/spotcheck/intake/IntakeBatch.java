package org.spotcheck.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseProcessStarter;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.listing.Listings;
import org.spotcheck.listing.domain.Watch;
import org.spotcheck.network.SellerNetwork;
import org.spotcheck.standing.Standing;
import org.spotcheck.triage.ExplorationBudget;
import org.spotcheck.triage.TriageTable;

/**
 * One batch of flags through intake, in the caller's transaction, step by step as if the
 * flags arrived one after the other:
 * <ol>
 * <li>{@link #holdAndRecall}: hold the flag ids and listings, recall the flags on record (a
 *     resend is answered as the first time, nothing new is written);</li>
 * <li>{@link #triage}: each new flag is triaged with the listing's count of recent flags; it
 *     joins the listing's open case, opens one (TEST_BUY, REVIEW, or drawn for an exploration
 *     buy), or stays a signal (MONITOR, DISMISS);</li>
 * <li>{@link #store}: listings with their watch records, the cases opened (their processes
 *     started together, in one engine command), the flags of cases with their timeline entries, and every flag as a signal.</li>
 * </ol>
 * A flag that stays a signal costs one row (and its listing's watch record): no case, no
 * timeline entry, no event; its decision reaches the risk model through the flags themselves
 * ({@link FlagDecisionRelay}).
 * <p>Size: the steps of one batch in the order they run, sharing the batch's state; each
 * step is a method, and the batch's set-based statements stay in one place.
 */
final class IntakeBatch {

    private final IntakeService.Steps steps;
    private final String receivedBy;
    private final Instant now;
    private final LocalDate today;

    private final Map<String, NewFlag> unique = new LinkedHashMap<>();
    private final Map<String, FlagAnswer> answers = new HashMap<>();
    private Map<String, Listings.Watched> watched;
    private final List<Planned> planned = new ArrayList<>();
    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private final Map<String, NewFlag.Listing> newest = new LinkedHashMap<>();
    private Map<String, Long> sellers;
    private Map<Long, IntakeRepository.SellerRecord> records;
    private Map<String, CaseRef> openCases;
    private Map<String, Standing> standings;
    private final List<CaseProcessStarter.Start> starts = new ArrayList<>();

    IntakeBatch(IntakeService.Steps steps, List<NewFlag> flags, String receivedBy, Instant now) {
        this.steps = steps;
        this.receivedBy = receivedBy;
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        flags.forEach(flag -> unique.putIfAbsent(flag.flagId(), flag));
    }

    /** What happens to a new flag. */
    private enum Route { SIGNAL, OPEN, JOIN }

    private record Planned(NewFlag flag, TriageTable.Verdict verdict, boolean exploration, int recentFlags, Route route) {
    }

    /** @return one answer per flag, in list order; a flag id twice answers the second time as a resend */
    List<FlagAnswer> run(List<NewFlag> flags) {
        List<NewFlag> fresh = holdAndRecall();
        if (!fresh.isEmpty()) {
            triage(fresh);
            store();
        }
        Map<String, CaseRepository.CaseState> states = steps.timed("answers", () -> steps.cases().statesByNumber(
                answers.values().stream().map(FlagAnswer::caseNumber).filter(java.util.Objects::nonNull).distinct().toList()));
        Set<String> answered = new HashSet<>();
        List<FlagAnswer> results = new ArrayList<>(flags.size());
        for (NewFlag flag : flags) {
            FlagAnswer answer = answers.get(flag.flagId());
            CaseRepository.CaseState state = answer.caseNumber() == null ? null : states.get(answer.caseNumber());
            if (state != null) {
                answer = answer.withCase(state.status(), state.processInstanceId());
            }
            results.add(answered.add(flag.flagId()) ? answer : answer.again());
        }
        return results;
    }

    /**
     * Holds the batch's flag ids and listings, then finds the flags on record: in the flag
     * partitions of the days the listing was flagged (and today's), and among the flags of cases.
     * @return the flags seen for the first time
     */
    private List<NewFlag> holdAndRecall() {
        List<String> listingKeys = unique.values().stream().map(IntakeBatch::listingKey).distinct().sorted().toList();
        steps.timed("hold", () -> steps.intake().hold(unique.keySet(), listingKeys));
        watched = steps.timed("watch records", () -> steps.listings().watched(listingKeys));
        List<FlagSignals.Candidate> candidates = new ArrayList<>();
        for (NewFlag flag : unique.values()) {
            candidates.add(new FlagSignals.Candidate(flag.flagId(), today));
            Listings.Watched listing = watched.get(listingKey(flag));
            if (listing != null) {
                listing.watch().days().stream().filter(day -> !day.equals(today))
                        .forEach(day -> candidates.add(new FlagSignals.Candidate(flag.flagId(), day)));
            }
        }
        Map<String, FlagSignals.Signal> signals = steps.timed("find resent flags", () -> steps.signals().find(candidates));
        signals.forEach((id, s) -> answers.put(id, new FlagAnswer(id, s.decision(), s.priority(), s.exploration(),
                s.caseNumber(), null, null, s.merged() ? s.caseNumber() : null, true, false)));
        List<String> unseen = unique.keySet().stream().filter(id -> !signals.containsKey(id)).toList();
        Map<String, IntakeRepository.CaseFlag> ofCases = steps.timed("find resent flags",
                () -> steps.caseFlags(unseen));
        ofCases.forEach((id, f) -> answers.put(id, new FlagAnswer(id, f.merged() ? null : f.decision(),
                f.merged() ? null : f.priority(), f.exploration(), f.caseNumber(), null, null,
                f.merged() ? f.caseNumber() : null, true, false)));
        return unique.values().stream().filter(flag -> !answers.containsKey(flag.flagId())).toList();
    }

    /** Triage of the new flags, in order: each sees the flags before it in the listing's count. */
    private void triage(List<NewFlag> fresh) {
        // Size: the batch's triage step: each flag sees the flags before it in the listing's count, in one loop
        sellers = steps.timed("sellers", () -> steps.network().ensureSellers(fresh.stream()
                .map(flag -> new SellerNetwork.SellerName(flag.listing().platform(), flag.listing().sellerId())).toList()));
        List<SellerNetwork.Key> keys = new ArrayList<>();
        for (NewFlag flag : fresh) {
            NewFlag.SellerIdentity identity = flag.sellerIdentity();
            if (identity != null) {
                long sellerPk = sellers.get(sellerKey(flag));
                keys.add(new SellerNetwork.Key(sellerPk, "ID_DOCUMENT", identity.idDocumentHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "BANK_ACCOUNT", identity.bankAccountHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "PHONE", identity.phoneHash()));
                keys.add(new SellerNetwork.Key(sellerPk, "DISPATCH_ADDRESS", identity.dispatchAddressHash()));
            }
            newest.put(listingKey(flag), flag.listing()); // the newest flag's view of the listing wins
        }
        steps.timed("identity keys", () -> steps.network().addKeys(keys));
        records = steps.timed("seller records", () -> steps.sellerRecords(
                fresh.stream().map(flag -> sellers.get(sellerKey(flag))).distinct().toList()));
        openCases = steps.timed("open cases", () -> steps.cases().findOpenByListings(newest.values().stream()
                .map(l -> new String[] {l.platform(), l.listingId()}).toList()));

        standings = steps.timed("reporters", () -> steps.standing().standings(fresh.stream().map(NewFlag::reporter)
                .filter(java.util.Objects::nonNull).distinct().toList()));
        TriageTable.Evaluator table = steps.triage().latest();
        ExplorationBudget.Draws draws = null;
        LocalDate keepFrom = steps.firstRetainedDay(today);
        Set<String> opening = new HashSet<>();
        for (NewFlag flag : fresh) {
            String listing = listingKey(flag);
            Watch watch = watches.computeIfAbsent(listing, key -> Optional.ofNullable(watched.get(key))
                    .map(Listings.Watched::watch).orElse(Watch.none()));
            int recent = watch.recentFlags(today) + 1;
            TriageTable.Verdict verdict = steps.timed("triage",
                    () -> table.decide(IntakeService.triageInputs(flag, records.get(sellers.get(sellerKey(flag))), recent,
                            standingOf(flag))));
            watches.put(listing, watch.add(today, now, 1, keepFrom, verdict.decision().name()));
            if (openCases.containsKey(listing) || opening.contains(listing)) {
                planned.add(new Planned(flag, verdict, false, recent, Route.JOIN));
                continue;
            }
            boolean explore = false;
            if (verdict.decision().isLowRisk()) {
                if (draws == null) {
                    draws = steps.exploration().at(now);
                }
                explore = draws.draw(flag.listing().priceCny());
            }
            boolean opens = explore || !verdict.decision().isLowRisk();
            if (opens) {
                opening.add(listing); // later flags of this batch for the listing join the case it opens
            }
            planned.add(new Planned(flag, verdict, explore, recent, opens ? Route.OPEN : Route.SIGNAL));
        }
    }

    /** Listings, cases, flags of cases and signals, a few set-based statements for the whole batch. */
    private void store() {
        // Size: the batch's writes, a few set-based statements whose order is the locking order
        Map<String, Long> listings = steps.timed("listings", () -> steps.listings().store(newest.entrySet().stream()
                .map(e -> new Listings.Update(snapshot(e.getValue()), watches.get(e.getKey()))).toList()));
        long openers = planned.stream().filter(p -> p.route() == Route.OPEN).count();
        Iterator<String> numbers = openers == 0 ? java.util.Collections.emptyIterator()
                : steps.cases().nextCaseNumbers(Year.from(today), (int) openers).iterator();
        List<IntakeRepository.StoredFlag> caseFlags = new ArrayList<>();
        List<CaseJournal.Entry> entries = new ArrayList<>();
        List<FlagSignals.Signal> signals = new ArrayList<>();
        Map<String, Long> notices = new java.util.TreeMap<>();
        Map<Long, Set<String>> caseReporters = new java.util.TreeMap<>();
        for (Planned plan : planned) {
            NewFlag flag = plan.flag();
            String listing = listingKey(flag);
            CaseRef joined = openCases.get(listing);
            CaseRef opened = null;
            if (plan.route() == Route.OPEN) {
                opened = open(plan, numbers.next(), listings.get(listing));
                if (opened == null) { // a case opened elsewhere for this listing meanwhile: join it
                    joined = openCases.get(listing);
                }
            }
            String caseNumber = null;
            if (opened != null) {
                caseFlags.add(new IntakeRepository.StoredFlag(flag, steps.toJson(flag), opened.pk(), false));
                caseNumber = opened.caseNumber();
            } else if (joined != null) {
                caseFlags.add(new IntakeRepository.StoredFlag(flag, steps.toJson(flag), joined.pk(), true));
                entries.add(new CaseJournal.Entry(joined, "FLAG", receivedBy, "Flag " + flag.flagId() + " ("
                                + flag.source() + ") merged into this open case", "flag-merged",
                        Map.of("flagId", flag.flagId(), "source", flag.source().name())));
                caseNumber = joined.caseNumber();
            }
            boolean merged = opened == null && joined != null;
            if (flag.reporter() != null) {
                notices.merge(flag.reporter(), 1L, Long::sum);
                CaseRef ofCase = opened != null ? opened : joined;
                if (ofCase != null) {
                    caseReporters.computeIfAbsent(ofCase.pk(), pk -> new java.util.TreeSet<>()).add(flag.reporter());
                }
            }
            TriageTable.Verdict verdict = plan.verdict();
            signals.add(new FlagSignals.Signal(flag.flagId(), today, now, listings.get(listing),
                    verdict.decision().name(), verdict.priority(), plan.exploration() && opened != null, caseNumber,
                    merged, receivedBy, steps.toJson(flag)));
            answers.put(flag.flagId(), new FlagAnswer(flag.flagId(), verdict.decision().name(), verdict.priority(),
                    plan.exploration() && opened != null, caseNumber, null, null, merged ? caseNumber : null, false,
                    opened != null));
        }
        steps.timed("flags of cases", () -> steps.intake().insertFlags(caseFlags, receivedBy));
        steps.timed("timeline and events", () -> steps.journal().recordAll(entries));
        steps.timed("signals", () -> steps.signals().insert(signals));
        steps.timed("process starts", () -> steps.processes().startAll(starts));
        // last: a busy reporter's row is locked only for the commit, not while the batch writes
        steps.timed("reporters", () -> steps.standing().noticesReceived(notices, caseReporters));
    }

    /** Opens the case, its process to be started with the batch's others; @return null when another transaction opened one for the listing first */
    private CaseRef open(Planned plan, String caseNumber, long listingPk) {
        NewFlag flag = plan.flag();
        String listing = listingKey(flag);
        long sellerPk = sellers.get(sellerKey(flag));
        Optional<CaseRef> opened = steps.cases().tryOpen(caseNumber, flag.listing().platform(),
                flag.listing().listingId(), listingPk, sellerPk, flag.signals().riskScore());
        if (opened.isEmpty()) {
            CaseRef theirs = Optional.ofNullable(steps.cases().findOpenByListings(List.<String[]>of(
                            new String[] {flag.listing().platform(), flag.listing().listingId()})).get(listing))
                    .orElseThrow(() -> new IllegalStateException("listing " + listing + " keeps opening and closing"));
            openCases.put(listing, theirs);
            return null;
        }
        CaseRef ref = opened.get();
        openCases.put(listing, ref); // later flags of this batch for the listing join it
        steps.journal().record(ref, "FLAG", receivedBy, "Flag " + flag.flagId() + " (" + flag.source()
                + ") opened the case for listing " + listing + " (flag " + plan.recentFlags() + " of the listing in "
                + Watch.RECENT_DAYS + " days)", "flagged", IntakeService.flaggedData(flag));
        starts.add(new CaseProcessStarter.Start(ref, IntakeService.processVariables(ref, flag, records.get(sellerPk),
                plan.recentFlags(), standingOf(flag), plan.verdict(), plan.exploration())));
        return ref;
    }

    /** The reporter's standing as triage reads it: NORMAL without a reporter or for one not on record. */
    private String standingOf(NewFlag flag) {
        return (flag.reporter() == null ? Standing.NORMAL : standings.getOrDefault(flag.reporter(), Standing.NORMAL)).name();
    }

    static String sellerKey(NewFlag flag) {
        return flag.listing().platform() + ":" + flag.listing().sellerId();
    }

    private Listings.Snapshot snapshot(NewFlag.Listing l) {
        return new Listings.Snapshot(l.platform(), l.listingId(), l.shopId(), sellers.get(l.platform() + ":" + l.sellerId()),
                l.title(), l.brand(), l.category().name(), l.priceCny(), l.url());
    }

    static String listingKey(NewFlag flag) {
        return flag.listing().platform() + ":" + flag.listing().listingId();
    }
}
