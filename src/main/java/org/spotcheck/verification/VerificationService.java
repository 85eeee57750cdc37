package org.spotcheck.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.cases.Verdict;
import org.spotcheck.standing.CaseEvent;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.evidence.CustodyLog;
import org.spotcheck.evidence.EvidenceService;
import org.spotcheck.listing.Listings;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.spotcheck.verification.VerificationStore.Round;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends samples to their verifier and takes the verdicts back. Only the verifier a round
 * was routed to may answer it; the same verdict twice is accepted once. A verdict and the
 * 30-day re-route take the same lock, the round's row: a verdict applies to the round it
 * was meant for, or, once that round is re-routed (superseded), is refused; never is it
 * taken for the next round's. The SQL is {@link VerificationStore}'s.
 */
@Service
public class VerificationService {

    private final VerificationStore store;
    private final CaseRepository cases;
    private final Listings listings;
    private final CaseJournal journal;
    private final VerifierRegistry registry;
    private final EvidenceService evidence;
    private final CustodyLog custody;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final NotifierStanding standing;

    VerificationService(VerificationStore store, CaseRepository cases, Listings listings, CaseJournal journal,
                        VerifierRegistry registry,
                        EvidenceService evidence, CustodyLog custody, Outbox outbox, RuntimeService runtime,
                        NotifierStanding standing) {
        this.standing = standing;
        this.store = store;
        this.cases = cases;
        this.listings = listings;
        this.journal = journal;
        this.registry = registry;
        this.evidence = evidence;
        this.custody = custody;
        this.outbox = outbox;
        this.runtime = runtime;
    }

    /** Opens the next round for the route, hands the sample over and tells the verifier. @return the verifier */
    @Transactional
    public String dispatch(String caseNumber, String route) {
        CaseRef ref = cases.require(caseNumber);
        Listings.Facts facts = listings.require(cases.subject(ref.pk()).listingPk());
        String brand = facts.brand();
        String category = facts.category();
        String verifier = (VerifierRegistry.RIGHTS_HOLDER.equals(route) ? registry.rightsHolderOf(brand)
                : registry.labFor(category)).orElseThrow(() -> new IllegalStateException(
                "No " + route + " registered for brand " + brand + " / category " + category
                        + ": register one (PUT /api/verifiers/{id}), then retry the incident in Cockpit"));
        int round = store.nextRound(ref.pk());
        long verificationId = store.openRound(ref.pk(), round, route, verifier);
        List<EvidenceService.Item> items = evidence.items(ref.pk());
        items.stream().filter(i -> "SAMPLE".equals(i.kind())).findFirst().ifPresent(sample ->
                custody.append(sample.id(), "TRANSFER", CaseJournal.ACTOR_SYSTEM, "Sample sent to " + verifier
                        + " (" + route + ") for verification, round " + round));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("caseNumber", caseNumber);
        request.put("verificationId", verificationId);
        request.put("round", round);
        request.put("verifierId", verifier);
        request.put("route", route);
        request.put("listing", requestListing(facts));
        // what the verifier needs to match the parcel: never the persona or the buyer
        request.put("evidence", items.stream().map(i -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", i.kind());
            e.put("sha256", i.sha256());
            e.put("sealNumber", i.sealNumber());
            return e;
        }).toList());
        outbox.append(Topics.VERIFICATION_REQUESTS, caseNumber, "spotcheck.verification.requested", caseNumber, request);
        journal.record(ref, "VERIFICATION", CaseJournal.ACTOR_SYSTEM, "Sample sent to " + verifier + " (" + route
                + "), round " + round, "verification-requested", Map.of("verifierId", verifier, "route", route));
        return verifier;
    }

    /** What the verifier needs to find the listing, under the names of the request's contract. */
    private static Map<String, Object> requestListing(Listings.Facts facts) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("platform", facts.platform());
        listing.put("listing_id", facts.listingId());
        listing.put("shop_id", facts.shopId());
        listing.put("title", facts.title());
        listing.put("brand", facts.brand());
        listing.put("category", facts.category());
        listing.put("url", facts.url());
        return listing;
    }

    /**
     * Applies a verifier's answer to the latest round, or to {@code forRound} when the
     * verifier names it (the {@code round} of its verification request).
     */
    @Transactional
    public Answer submit(String caseNumber, String verifier, Verdict verdict, String reportReference, String notes,
                         Integer forRound) {
        // Size: a verdict's checks under the round's lock, in the order they must run, then its effects
        CaseRef ref = cases.require(caseNumber);
        // locked as the re-route locks it; a round superseded while we waited comes back so marked
        Optional<Round> current = store.latestLockedIfAny(ref.pk());
        if (current.isEmpty()) {
            return Answer.NOT_WAITING;
        }
        Round round = current.get();
        if (!round.verifierId().equals(verifier) || (forRound != null && forRound != round.round())) {
            return answeredBefore(ref.pk(), verifier, verdict, reportReference, forRound);
        }
        if (round.verdict() != null) {
            return round.verdict().equals(verdict.name()) && java.util.Objects.equals(round.reportReference(), reportReference)
                    ? Answer.ALREADY_ACCEPTED : Answer.NOT_WAITING;
        }
        if (round.superseded()) {
            return Answer.SUPERSEDED;
        }
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(CounterfeitCaseProcess.Messages.VERIFICATION_RESULT).count() > 0;
        if (!waiting) {
            return Answer.NOT_WAITING;
        }
        store.recordVerdict(round.id(), verdict, reportReference, notes);
        if (verdict != Verdict.INCONCLUSIVE) { // counts for the reporters whose notices opened the case
            standing.caseEvent(ref.pk(), verdict == Verdict.COUNTERFEIT ? CaseEvent.COUNTERFEIT : CaseEvent.GENUINE);
        }
        evidence.items(ref.pk()).stream().filter(i -> "SAMPLE".equals(i.kind())).findFirst().ifPresent(sample ->
                custody.append(sample.id(), "VERIFY", verifier, "Verdict " + verdict + ", report " + reportReference));
        journal.record(ref, "VERIFICATION", verifier, "Verdict " + verdict + " (report " + reportReference + ")",
                "verdict-received", Map.of("verdict", verdict.name(), "verifierId", verifier, "route", round.route()));
        runtime.createMessageCorrelation(CounterfeitCaseProcess.Messages.VERIFICATION_RESULT)
                .processInstanceBusinessKey(caseNumber)
                .setVariable(CounterfeitCaseProcess.Vars.VERDICT.getName(), verdict.name())
                .correlate();
        return Answer.ACCEPTED;
    }

    @Transactional
    public void remind(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        String verifier = store.latestVerifier(ref.pk());
        outbox.append(Topics.VERIFICATION_REQUESTS, caseNumber, "spotcheck.verification.reminder", caseNumber,
                Map.of("caseNumber", caseNumber, "verifierId", verifier));
        journal.record(ref, "VERIFICATION", CaseJournal.ACTOR_SYSTEM, "No verdict yet: reminder sent to " + verifier,
                "verification-reminder", Map.of("verifierId", verifier));
    }

    /**
     * A verifier's answer for a round that is not the one waiting: the same answer again
     * for the verifier's own earlier round is a duplicate; otherwise that round is closed
     * (superseded), or the verifier never had one.
     */
    private Answer answeredBefore(long casePk, String verifier, Verdict verdict, String reportReference, Integer forRound) {
        Optional<Round> own = store.latestOf(casePk, verifier, forRound);
        if (own.isEmpty()) { // a round that is not the verifier's, or not there at all
            return forRound != null && isVerifierOf(casePk, verifier) ? Answer.NOT_WAITING : Answer.NOT_YOURS;
        }
        return verdict.name().equals(own.get().verdict()) && reportReference.equals(own.get().reportReference())
                ? Answer.ALREADY_ACCEPTED : Answer.SUPERSEDED;
    }

    /**
     * Sends the sample to a lab next: after a rights holder's INCONCLUSIVE, or when no
     * verdict came in time (the 30-day timer). Then the waiting round is closed under the
     * lock a verdict takes: a verdict that got the lock first has been applied, and the
     * re-route gives way (its transaction fails; the timer's job is gone with the wait).
     */
    @Transactional
    public void reroute(String caseNumber, boolean afterInconclusive) {
        CaseRef ref = cases.require(caseNumber);
        Round current = store.latestLocked(ref.pk());
        if (!afterInconclusive) {
            if (current.verdict() != null) {
                throw new IllegalStateException("Case " + caseNumber + " got its verdict for round " + current.round()
                        + " while the re-route was due: not re-routed");
            }
            store.supersede(current.id());
        }
        journal.record(ref, "VERIFICATION", CaseJournal.ACTOR_SYSTEM, (afterInconclusive
                        ? "The rights holder found the sample inconclusive" : "No verdict within the deadline")
                        + ": round " + current.round() + " closed, re-routed to a lab",
                "verification-rerouted", Map.of("round", current.round()));
    }

    /** Whether {@code verifier} verifies (or verified) this case: it may then see the case. */
    public boolean isVerifierOf(long casePk, String verifier) {
        return store.isVerifierOf(casePk, verifier);
    }

    /** The verdict that decided a case: who gave it (a rights holder or a lab), on which report, when. */
    public record Decisive(org.spotcheck.cases.VerificationRoute route, String verifierId, Verdict verdict,
                           String reportReference, java.time.OffsetDateTime answeredAt) {
    }

    public Optional<Decisive> decisive(long casePk) {
        return store.decisive(casePk);
    }

    /** SUPERSEDED: the verifier's round was re-routed (closed) before its verdict came. */
    public enum Answer { ACCEPTED, ALREADY_ACCEPTED, NOT_YOURS, NOT_WAITING, SUPERSEDED }
}
