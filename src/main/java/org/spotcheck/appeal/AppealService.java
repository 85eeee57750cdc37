package org.spotcheck.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.spotcheck.appeal.AppealProcess.Vars;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.enforcement.EnforcementService;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.spotcheck.network.SellerNetwork;
import org.spotcheck.referral.ReferralService;
import org.spotcheck.standing.CaseEvent;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.verification.VerificationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's appeal against the restrictions of a case: filed once, routed by who verified
 * the case, decided once; lifting a restriction is enforcement's, the case keeps its history.
 * <p>Size: the appeal's life in one place, from filing through the counter-notice to the
 * decision and what it lifts; each step is a few lines, split up they would hide the order.
 */
@Service
public class AppealService {

    /** What the seller portal files. */
    public record Filing(String appealId, String caseNumber, String sellerId, String grounds,
                         List<Appeal.EvidenceRef> evidence) {
    }

    public enum Refusal { CASE_NOT_FOUND, NOT_THE_SELLER, NOT_CLOSED, NO_RESTRICTION, WINDOW_CLOSED, APPEAL_OPEN, ID_TAKEN }

    /** The answer to a filing: the appeal (new or as filed before), or why it was refused. */
    public record Filed(Appeal appeal, boolean created, Refusal refusal, String detail) {
        static Filed refused(Refusal refusal, String detail) {
            return new Filed(null, false, refusal, detail);
        }
    }

    public enum ActionAnswer { ACCEPTED, ALREADY_ACCEPTED, NOT_FOUND, NOT_YOURS, NOT_WAITING }

    private final AppealStore store;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final SellerNetwork network;
    private final EnforcementService enforcement;
    private final VerificationService verification;
    private final ReferralService referrals;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final NotifierStanding standing;
    private final Clock clock;
    private final Duration window;
    private final Duration decisionTime;
    private final Duration counterNoticeTime;

    AppealService(AppealStore store, CaseRepository cases, CaseJournal journal, SellerNetwork network,
                  EnforcementService enforcement, VerificationService verification, ReferralService referrals,
                  Outbox outbox, RuntimeService runtime, NotifierStanding standing, Clock clock,
                  @Value("${spotcheck.appeals.window:P180D}") Duration window,
                  @Value("${spotcheck.appeals.decision-time:P14D}") Duration decisionTime) {
        this.store = store;
        this.cases = cases;
        this.journal = journal;
        this.network = network;
        this.enforcement = enforcement;
        this.verification = verification;
        this.referrals = referrals;
        this.outbox = outbox;
        this.runtime = runtime;
        this.standing = standing;
        this.clock = clock;
        this.window = window;
        this.decisionTime = decisionTime;
        this.counterNoticeTime = Duration.ofDays(15); // E-Commerce Law Art. 43; the diagram's timer says the same
    }

    /** Files an appeal once: the same id again answers what was filed; checks run in the contract's order. */
    @Transactional
    public Filed file(Filing filing) {
        Optional<AppealStore.Row> before = store.find(filing.appealId(), cases::caseNumberOf);
        if (before.isPresent()) {
            return sameFiling(before.get().appeal(), filing);
        }
        Optional<CaseRef> found = cases.findByNumber(filing.caseNumber());
        if (found.isEmpty()) {
            return Filed.refused(Refusal.CASE_NOT_FOUND, "No case " + filing.caseNumber());
        }
        CaseRef ref = found.get();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Filed refused = refusal(ref, filing, now);
        if (refused != null) {
            return refused;
        }
        AppealRoute route = verification.decisive(ref.pk())
                .filter(d -> d.route() == org.spotcheck.cases.VerificationRoute.RIGHTS_HOLDER)
                .map(d -> AppealRoute.COUNTER_NOTICE).orElse(AppealRoute.REVIEW);
        OffsetDateTime decideBy = now.plus(route == AppealRoute.COUNTER_NOTICE ? counterNoticeTime : decisionTime);
        Appeal appeal = new Appeal(filing.appealId(), ref.caseNumber(), filing.sellerId(), Appeal.AppealStatus.RECEIVED,
                route, filing.grounds(), List.copyOf(filing.evidence()), now, decideBy, null, null);
        if (!store.insert(ref.pk(), ref.caseNumber(), appeal)) {
            // a filing of the same id or another appeal of this case committed meanwhile
            return store.find(filing.appealId(), cases::caseNumberOf).map(r -> sameFiling(r.appeal(), filing))
                    .orElseGet(() -> Filed.refused(Refusal.APPEAL_OPEN, "Case " + ref.caseNumber() + " has an open appeal"));
        }
        journal.record(ref, "APPEAL", CaseJournal.ACTOR_SYSTEM, "Appeal " + filing.appealId() + " received (seller "
                + filing.sellerId() + ")" + (route == AppealRoute.COUNTER_NOTICE ? ": counter-notice to the rights holder"
                : ": review by a second person") + ", due " + decideBy.toLocalDate(), "appeal-received",
                Map.of("appealId", filing.appealId(), "route", route.name()));
        runtime.createMessageCorrelation(AppealProcess.START_MESSAGE).processInstanceBusinessKey(filing.appealId())
                .setVariable(Vars.APPEAL_ID.getName(), filing.appealId())
                .setVariable(Vars.CASE_NUMBER.getName(), ref.caseNumber())
                .setVariable(Vars.ROUTE.getName(), route.name())
                .setVariable(Vars.DECIDE_BY.getName(), Date.from(decideBy.toInstant()))
                .correlateStartMessage();
        return new Filed(appeal, true, null, null);
    }

    /** @return why the case's seller may not appeal now, or null when it may */
    private Filed refusal(CaseRef ref, Filing filing, OffsetDateTime now) {
        CaseRepository.Subject subject = cases.subject(ref.pk());
        if (!network.name(subject.sellerPk()).sellerId().equals(filing.sellerId())) {
            return Filed.refused(Refusal.NOT_THE_SELLER, "Seller " + filing.sellerId() + " is not the seller of case "
                    + ref.caseNumber());
        }
        if (!"CLOSED".equals(cases.state(ref.pk()).status())) {
            // the sanction's commands are still being issued: an appeal answers all of them at once
            return Filed.refused(Refusal.NOT_CLOSED, "Case " + ref.caseNumber() + " is still open; appeal once it is"
                    + " closed and its restrictions are issued");
        }
        List<EnforcementService.Issued> restrictions = enforcement.restrictions(ref.caseNumber());
        if (restrictions.isEmpty()) {
            return Filed.refused(Refusal.NO_RESTRICTION, "Case " + ref.caseNumber() + " restricts nothing of the seller"
                    + " (none issued, or all lifted)");
        }
        // from the latest restriction: no statement of reasons promises a later date than is kept
        OffsetDateTime restricted = restrictions.stream().map(EnforcementService.Issued::issuedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        if (now.isAfter(restricted.plus(window))) {
            return Filed.refused(Refusal.WINDOW_CLOSED, "An appeal is open for " + window.toDays()
                    + " days from the restriction (" + restricted.toLocalDate() + "); it closed on "
                    + restricted.plus(window).toLocalDate());
        }
        Optional<String> open = store.openOf(ref.pk());
        if (open.isPresent()) {
            return Filed.refused(Refusal.APPEAL_OPEN, "Case " + ref.caseNumber() + " has an open appeal: " + open.get());
        }
        return null;
    }

    private static Filed sameFiling(Appeal before, Filing filing) {
        if (!before.caseNumber().equals(filing.caseNumber()) || !before.sellerId().equals(filing.sellerId())) {
            return Filed.refused(Refusal.ID_TAKEN, "Appeal id " + filing.appealId() + " is taken by another case's appeal");
        }
        return new Filed(before, false, null, null);
    }

    public Optional<Appeal> find(String appealId) {
        return store.find(appealId, cases::caseNumberOf).map(AppealStore.Row::appeal);
    }

    /** The case's latest appeal, for the case view. */
    public Optional<Appeal> latestOf(long casePk) {
        return store.latestOf(casePk, cases::caseNumberOf).map(AppealStore.Row::appeal);
    }

    /** A rights holder reports, within 15 days of the counter-notice, that it filed a complaint or a lawsuit. */
    @Transactional
    public ActionAnswer rightsHolderAction(String appealId, String user, RightsHolderAction action, String reference) {
        Optional<AppealStore.Row> found = store.find(appealId, cases::caseNumberOf);
        if (found.isEmpty()) {
            return ActionAnswer.NOT_FOUND;
        }
        Appeal appeal = found.get().appeal();
        if (appeal.route() != AppealRoute.COUNTER_NOTICE || !verification.isVerifierOf(found.get().casePk(), user)) {
            return ActionAnswer.NOT_YOURS;
        }
        if (appeal.counterNotice() != null && appeal.counterNotice().rightsHolderAction() != null) {
            return appeal.counterNotice().rightsHolderAction() == action ? ActionAnswer.ALREADY_ACCEPTED
                    : ActionAnswer.NOT_WAITING;
        }
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(appealId)
                .messageEventSubscriptionName(AppealProcess.RIGHTS_HOLDER_ACTION_MESSAGE).count() > 0;
        if (!waiting || !store.rightsHolderAction(appealId, action, reference)) {
            return ActionAnswer.NOT_WAITING;
        }
        journal.record(cases.require(appeal.caseNumber()), "APPEAL", user, "Rights holder reports " + action
                + " (" + reference + "): the restriction stays", "appeal-rights-holder-action",
                Map.of("appealId", appealId, "action", action.name()));
        runtime.createMessageCorrelation(AppealProcess.RIGHTS_HOLDER_ACTION_MESSAGE).processInstanceBusinessKey(appealId)
                .setVariable(Vars.RIGHTS_HOLDER_ACTION.getName(), action.name())
                .setVariable(Vars.RIGHTS_HOLDER_REFERENCE.getName(), reference).correlate();
        return ActionAnswer.ACCEPTED;
    }

    /** The seller's declaration to the rights holder who verified the case (never the buyer's persona). */
    @Transactional
    public void sendCounterNotice(String appealId) {
        Appeal appeal = require(appealId);
        if (appeal.status() != Appeal.AppealStatus.RECEIVED) {
            return; // sent before: a retried step
        }
        CaseRef ref = cases.require(appeal.caseNumber());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String verifier = verification.decisive(ref.pk()).map(VerificationService.Decisive::verifierId).orElse(null);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("type", "COUNTER_NOTICE");
        notice.put("appealId", appealId);
        notice.put("caseNumber", ref.caseNumber());
        notice.put("verifierId", verifier);
        notice.put("sellerId", appeal.sellerId());
        notice.put("grounds", appeal.grounds());
        notice.put("evidence", appeal.evidence());
        notice.put("respondBy", now.plus(counterNoticeTime).toString());
        notice.put("respondAt", "/api/appeals/" + appealId + "/rights-holder-action");
        outbox.append(Topics.VERIFICATION_REQUESTS, ref.caseNumber(), "spotcheck.appeal.counter-notice", ref.caseNumber(),
                notice);
        store.counterNoticeSent(appealId, now);
        journal.record(ref, "APPEAL", CaseJournal.ACTOR_SYSTEM, "Counter-notice sent to rights holder " + verifier
                + "; the restriction is lifted unless a complaint or lawsuit is reported by "
                + now.plus(counterNoticeTime).toLocalDate(), "appeal-counter-notice", Map.of("appealId", appealId));
    }

    /**
     * Decides the appeal once and applies it: REVERSED lifts every restriction and the strike,
     * REDUCED reopens the shop and lifts a ban, UPHELD keeps all. A retried step finds it decided.
     */
    @Transactional
    public void decide(String appealId, AppealDecision decision, String reasons, String actor) {
        Appeal appeal = require(appealId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.decide(appealId, decision, reasons, actor, now)) {
            return;
        }
        actor = store.decidedBy(appealId); // a reviewer's decision: who completed the task, as recorded then
        CaseRef ref = cases.require(appeal.caseNumber());
        List<String> lifted = switch (decision) {
            case UPHELD -> List.of();
            case REDUCED -> enforcement.lift(ref.caseNumber(), Set.of(EnforcementService.CLOSE_SHOP,
                    EnforcementService.BAN_SELLER), "Appeal " + appealId + " reduced: " + reasons);
            case REVERSED -> enforcement.lift(ref.caseNumber(), EnforcementService.RESTRICTIONS,
                    "Appeal " + appealId + " reversed: " + reasons);
        };
        store.lifted(appealId, lifted);
        if (decision == AppealDecision.REVERSED && cases.liftStrike(ref.pk())) { // once per case, whatever the appeals
            standing.caseEvent(ref.pk(), CaseEvent.REVERSED);
            referrals.noteAppeal(ref.caseNumber(), "Appeal " + appealId + " reversed the restrictions of case "
                    + ref.caseNumber() + ": " + reasons);
        }
        journal.record(ref, "APPEAL", actor, "Appeal " + appealId + " " + decision + ": " + reasons
                + (lifted.isEmpty() ? "" : " (sent " + String.join(", ", lifted) + ")"), "appeal-decided",
                Map.of("appealId", appealId, "decision", decision.name(), "lifted", lifted));
    }

    /** The decision, with its reasons, to the seller (the platform's seller portal reads spotcheck.platform-commands). */
    @Transactional
    public void notifySeller(String appealId) {
        Appeal appeal = require(appealId);
        Appeal.Decision decision = appeal.decision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appealId", appealId);
        data.put("caseNumber", appeal.caseNumber());
        data.put("sellerId", appeal.sellerId());
        data.put("decision", decision.decision().name());
        data.put("reasons", decision.reasons());
        data.put("lifted", decision.lifted());
        data.put("decidedAt", decision.decidedAt().toString());
        // to the platform, which runs the seller portal; never on case-events, which carry the test buy's details
        outbox.append(Topics.PLATFORM_COMMANDS, enforcement.shopOf(appeal.caseNumber()), "spotcheck.appeal.decided",
                appeal.caseNumber(), data);
    }

    /** The reviewer's decision is due and not taken: on the timeline and an event; the task stays open. */
    @Transactional
    public void escalate(String appealId) {
        Appeal appeal = require(appealId);
        if (appeal.status() == Appeal.AppealStatus.DECIDED) {
            return;
        }
        journal.record(cases.require(appeal.caseNumber()), "APPEAL", CaseJournal.ACTOR_SYSTEM, "Appeal " + appealId
                + " not decided by " + appeal.decideBy().toLocalDate() + ": escalated", "appeal-overdue",
                Map.of("appealId", appealId));
    }

    /** The case an appeal is about, as filed (never a process variable someone could have changed). */
    public String caseNumberOf(String appealId) {
        return require(appealId).caseNumber();
    }

    /** Records who decided the appeal in Tasklist, when the decision task is completed. */
    @Transactional
    public void reviewedBy(String appealId, String reviewer) {
        store.reviewedBy(appealId, reviewer);
    }

    private Appeal require(String appealId) {
        return find(appealId).orElseThrow(() -> new IllegalStateException("No appeal " + appealId));
    }
}
