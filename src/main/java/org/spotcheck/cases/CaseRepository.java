package org.spotcheck.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door to {@code spot_case} (TableOwnershipTest): its writes, each guarded so a
 * retry changes nothing twice, and what other capabilities may ask of cases. The SQL is
 * {@link CaseStore}'s.
 */
@Repository
public class CaseRepository {

    private final CaseStore store;

    CaseRepository(CaseStore store) {
        this.store = store;
    }

    /** {@code count} new case numbers at once. */
    public List<String> nextCaseNumbers(Year year, int count) {
        return store.nextCaseNumbers(year, count);
    }

    /**
     * @return the open case of each listing that has one, by "platform:listingId". Each is
     *         held by a shared lock until commit, which {@link #close} takes exclusively: a case
     *         closing at this moment is either seen closed or closes after the flags joined it.
     *         An advisory lock rather than a row lock: no row is written for it, and the
     *         process's own updates of the case (its status) do not wait for a batch of flags.
     */
    public Map<String, CaseRef> findOpenByListings(Collection<String[]> platformAndListingIds) {
        return store.findOpenByListings(platformAndListingIds);
    }

    /** The cases of a listing, newest first (at most {@code limit}), and the open one if any. */
    public record ListingCases(List<String> caseNumbers, String openCase) {
    }

    public ListingCases ofListing(String platform, String listingId, int limit) {
        return store.ofListing(platform, listingId, limit);
    }

    /** @return the state of each case, by number */
    public Map<String, CaseState> statesByNumber(Collection<String> caseNumbers) {
        return store.statesByNumber(caseNumbers);
    }

    /** @return the state of each case, by key */
    public Map<Long, CaseState> states(Collection<Long> casePks) {
        return store.states(casePks);
    }

    /**
     * Opens a case for a listing unless one is open already. The partial unique index
     * makes concurrent openers for one listing wait for each other: exactly one wins.
     */
    public Optional<CaseRef> tryOpen(String caseNumber, String platform, String listingId, long listingPk,
                                     long sellerPk, BigDecimal riskScore) {
        return store.tryOpen(caseNumber, platform, listingId, listingPk, sellerPk, riskScore);
    }

    public Optional<CaseRef> findByNumber(String caseNumber) {
        return store.findByNumber(caseNumber);
    }

    public CaseRef require(String caseNumber) {
        return findByNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /** @param processes process instance id by case pk */
    public void attachProcesses(Map<Long, String> processes) {
        store.attachProcesses(processes);
    }

    /** @return false when the case was closed meanwhile (nothing changed) */
    public boolean moveTo(long casePk, CaseStatus status) {
        return store.moveTo(casePk, status);
    }

    public void recordTriage(long casePk, String decision, int priority, boolean exploration) {
        store.recordTriage(casePk, decision, priority, exploration);
    }

    /**
     * @return false when the case was closed already: closing is idempotent. Waits for the
     *         batches merging flags into the case ({@link #findOpenByListings}) to commit.
     */
    public boolean close(long casePk, Outcome outcome) {
        return store.close(casePk, outcome);
    }

    public CaseState state(long casePk) {
        return store.state(casePk);
    }

    public void changePriority(long casePk, int priority) {
        store.changePriority(casePk, priority);
    }

    public long sellerOf(long casePk) {
        return store.sellerOf(casePk);
    }

    /** Number, status and outcome as an API answer reports them. */
    public record CaseState(String caseNumber, String status, String outcome, String processInstanceId) {
    }

    // ---- what other capabilities ask of cases (they never read spot_case themselves)

    /** What a case is about: its listing and seller (keys of {@code listing.Listings} and {@code network.SellerNetwork}). */
    public record Subject(long pk, String caseNumber, long listingPk, long sellerPk, OffsetDateTime openedAt, String outcome) {
    }

    public Subject subject(long casePk) {
        return store.subject(casePk);
    }

    /** The triage a case recorded (decision and priority are null before its first step). */
    public record Triage(String caseNumber, String decision, Integer priority, boolean exploration) {
    }

    /** @return the triage of each of these cases, by key */
    public Map<Long, Triage> triage(Collection<Long> casePks) {
        return store.triage(casePks);
    }

    /** @return each seller's cases closed as counterfeit (its strikes), for the sellers that have any */
    public Map<Long, Integer> counterfeitCounts(Collection<Long> sellerPks) {
        return store.counterfeitCounts(sellerPks);
    }

    /** @return those of these sellers that have an open case */
    public Set<Long> sellersWithOpenCases(Collection<Long> sellerPks) {
        return store.sellersWithOpenCases(sellerPks);
    }

    /** @return those of these listings that have, or had, a case: a listing of a case stays with it */
    public Set<Long> listingsWithCases(Collection<Long> listingPks) {
        return store.listingsWithCases(listingPks);
    }

    /** A case waiting in a queue (for a persona, for budget), with what its place in the release order rests on. */
    public record Waiting(long pk, String caseNumber, Integer priority, BigDecimal riskScore, OffsetDateTime openedAt) {
    }

    /** @return the open cases in {@code status}, first released first: priority, then risk, then age */
    public List<Waiting> waitingInReleaseOrder(CaseStatus status) {
        return store.waitingInReleaseOrder(status);
    }

    /** @return the open cases in {@code status} but {@code exceptPk}, last released first, at most {@code limit} */
    public List<Waiting> lastInReleaseOrder(CaseStatus status, long exceptPk, long limit) {
        return store.lastInReleaseOrder(status, exceptPk, limit);
    }

    public long countWaiting(CaseStatus status, long exceptPk) {
        return store.countWaiting(status, exceptPk);
    }

    public Waiting waiting(long casePk) {
        return store.waiting(casePk);
    }

    public String caseNumberOf(long casePk) {
        return store.caseNumberOf(casePk);
    }

    /**
     * A case reversed on appeal keeps its outcome but is no longer its seller's strike.
     * @return false when it was lifted before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean liftStrike(long casePk) {
        return store.liftStrike(casePk);
    }

    public boolean strikeLifted(long casePk) {
        return store.strikeLifted(casePk);
    }
}
