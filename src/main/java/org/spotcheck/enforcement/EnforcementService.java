package org.spotcheck.enforcement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.cases.SanctionLevel;
import org.spotcheck.listing.Listings;
import org.spotcheck.messaging.Outbox;
import org.spotcheck.messaging.Topics;
import org.spotcheck.network.SellerNetwork;
import org.spotcheck.referral.ReferralService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a seller once a fake is confirmed: platform commands (through the
 * outbox, once per case and command), the sanction and its strike, bans of every
 * identity key, and the referral decision. The SQL is {@link EnforcementStore}'s.
 */
@Service
public class EnforcementService {

    public static final String TAKE_DOWN_LISTING = "TAKE_DOWN_LISTING";
    public static final String CLOSE_SHOP = "CLOSE_SHOP";
    public static final String BAN_SELLER = "BAN_SELLER";

    private final EnforcementStore store;
    private final CaseRepository cases;
    private final Listings listings;
    private final SellerNetwork network;
    private final CaseJournal journal;
    private final Outbox outbox;
    private final ReferralService referrals;

    EnforcementService(EnforcementStore store, CaseRepository cases, Listings listings, SellerNetwork network,
                       CaseJournal journal, Outbox outbox, ReferralService referrals) {
        this.referrals = referrals;
        this.store = store;
        this.cases = cases;
        this.listings = listings;
        this.network = network;
        this.journal = journal;
        this.outbox = outbox;
    }

    /** Emits a platform command once: a retried step finds it issued and does nothing. */
    @Transactional
    public void command(String caseNumber, String command) {
        CaseRef ref = cases.require(caseNumber);
        CaseRepository.Subject subject = cases.subject(ref.pk());
        Listings.Facts listing = listings.require(subject.listingPk());
        String sellerId = network.name(subject.sellerPk()).sellerId();
        UUID commandId = UUID.randomUUID();
        if (!store.issueCommand(commandId, ref.pk(), command, listing.shopId())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("command", command);
        data.put("commandId", commandId.toString());
        data.put("caseNumber", caseNumber);
        data.put("platform", listing.platform());
        data.put("listingId", listing.listingId());
        data.put("shopId", listing.shopId());
        data.put("sellerId", sellerId);
        outbox.append(Topics.PLATFORM_COMMANDS, listing.shopId(), "spotcheck.platform." + command, caseNumber, data);
        journal.record(ref, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, "Platform command " + command + " for shop "
                + listing.shopId(), "platform-command", Map.of("command", command));
    }

    /** Records the sanction (the seller's strike) and issues what it implies. */
    @Transactional
    public void sanction(String caseNumber, SanctionLevel level) {
        CaseRef ref = cases.require(caseNumber);
        long sellerPk = cases.sellerOf(ref.pk());
        if (store.recordSanction(ref.pk(), sellerPk, level)) {
            journal.record(ref, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, "Sanction: " + level, "sanctioned",
                    Map.of("sanction", level.name()));
        }
        if (level == SanctionLevel.SHOP_CLOSURE || level == SanctionLevel.PERMANENT_BAN) {
            command(caseNumber, CLOSE_SHOP);
        }
        if (level == SanctionLevel.PERMANENT_BAN) {
            command(caseNumber, BAN_SELLER);
            network.ban(sellerPk);
        }
    }

    @Transactional
    public void referralDecision(String caseNumber, boolean refer, String agency) {
        CaseRef ref = cases.require(caseNumber);
        if (store.recordReferralDecision(ref.pk(), refer, refer ? agency : null)) {
            journal.record(ref, "REFERRAL", CaseJournal.ACTOR_SYSTEM, refer ? "Lead to be referred to " + agency
                    : "No referral to the authorities", "referral-decided", refer
                    ? Map.of("refer", true, "agency", agency) : Map.of("refer", false));
        }
        if (refer) {
            referrals.open(caseNumber, agency);
        }
    }
}
