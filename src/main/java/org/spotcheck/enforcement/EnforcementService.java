package org.spotcheck.enforcement;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
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
    public static final String WARN_SELLER = "WARN_SELLER";
    /** The commands that restrict a seller, each with a statement of reasons. */
    public static final Set<String> RESTRICTIONS = Set.of(WARN_SELLER, TAKE_DOWN_LISTING, CLOSE_SHOP, BAN_SELLER);
    /** What lifts each restriction that can be lifted (a warning is lifted with the strike, by cases). */
    private static final Map<String, String> RESTORES = Map.of(TAKE_DOWN_LISTING, "RESTORE_LISTING",
            CLOSE_SHOP, "REOPEN_SHOP", BAN_SELLER, "LIFT_BAN");

    /** A command issued for a case, and when. */
    public record Issued(String command, OffsetDateTime issuedAt) {
    }

    private final EnforcementStore store;
    private final CaseRepository cases;
    private final Listings listings;
    private final SellerNetwork network;
    private final CaseJournal journal;
    private final Outbox outbox;
    private final ReferralService referrals;
    private final StatementOfReasons reasons;
    private final ObjectMapper json;

    EnforcementService(EnforcementStore store, CaseRepository cases, Listings listings, SellerNetwork network,
                       CaseJournal journal, Outbox outbox, ReferralService referrals, StatementOfReasons reasons,
                       ObjectMapper json) {
        this.reasons = reasons;
        this.json = json;
        this.referrals = referrals;
        this.store = store;
        this.cases = cases;
        this.listings = listings;
        this.network = network;
        this.journal = journal;
        this.outbox = outbox;
    }

    /**
     * Emits a platform command once: a retried step finds it issued and does nothing. A
     * restriction carries its statement of reasons; {@code detail} is the sanction behind it,
     * or what lifted a restriction.
     */
    @Transactional
    public void command(String caseNumber, String command) {
        command(caseNumber, command, null);
    }

    private void command(String caseNumber, String command, String detail) {
        CaseRef ref = cases.require(caseNumber);
        CaseRepository.Subject subject = cases.subject(ref.pk());
        Listings.Facts listing = listings.require(subject.listingPk());
        String sellerId = network.name(subject.sellerPk()).sellerId();
        UUID commandId = UUID.randomUUID();
        Map<String, Object> statement = RESTRICTIONS.contains(command)
                ? reasons.of(ref, listing, command, detail) : null;
        if (!store.issueCommand(commandId, ref.pk(), command, listing.shopId(), statement == null ? null : write(statement))) {
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
        if (statement != null) {
            data.put("statementOfReasons", statement);
        } else if (detail != null) {
            data.put("reason", detail);
        }
        outbox.append(Topics.PLATFORM_COMMANDS, listing.shopId(), "spotcheck.platform." + command, caseNumber, data);
        journal.record(ref, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, "Platform command " + command + " for shop "
                + listing.shopId(), "platform-command", Map.of("command", command));
    }

    /** Records the sanction (the seller's strike) and issues what it implies. */
    @Transactional
    public void sanction(String caseNumber, SanctionLevel level) {
        CaseRef ref = cases.require(caseNumber);
        long sellerPk = cases.sellerOf(ref.pk());
        store.lockSeller(sellerPk); // a lift of this seller's other case waits, or is waited for
        if (store.recordSanction(ref.pk(), sellerPk, level)) {
            journal.record(ref, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, "Sanction: " + level, "sanctioned",
                    Map.of("sanction", level.name()));
        }
        if (level == SanctionLevel.WARNING) {
            command(caseNumber, WARN_SELLER, level.name());
        }
        if (level == SanctionLevel.SHOP_CLOSURE || level == SanctionLevel.PERMANENT_BAN) {
            command(caseNumber, CLOSE_SHOP, level.name());
        }
        if (level == SanctionLevel.PERMANENT_BAN) {
            command(caseNumber, BAN_SELLER, level.name());
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

    /** @return the shop the case's listing belongs to: the platform's key for what concerns the seller */
    public String shopOf(String caseNumber) {
        return listings.require(cases.subject(cases.require(caseNumber).pk()).listingPk()).shopId();
    }

    /**
     * @return the case's restrictions still in force, oldest first (empty: nothing to appeal): a
     *         command not lifted by its restore command, a warning while the case is a strike
     */
    public List<Issued> restrictions(String caseNumber) {
        CaseRef ref = cases.require(caseNumber);
        List<Issued> issued = store.commands(ref.pk());
        java.util.Set<String> commands = issued.stream().map(Issued::command).collect(java.util.stream.Collectors.toSet());
        boolean strike = !cases.strikeLifted(ref.pk());
        return issued.stream().filter(c -> RESTRICTIONS.contains(c.command()))
                .filter(c -> c.command().equals(WARN_SELLER) ? strike : !commands.contains(RESTORES.get(c.command())))
                .toList();
    }

    /**
     * Lifts those of {@code which} that the case issued: RESTORE_LISTING, REOPEN_SHOP,
     * LIFT_BAN, each once; a lifted ban un-bans the seller's identity keys unless another
     * case still bans the seller. The case keeps the commands it issued.
     * @return the restore commands this call sent (none on a retry)
     */
    @Transactional
    public List<String> lift(String caseNumber, Set<String> which, String reason) {
        // Size: each restriction in turn, checked against the other cases that may hold it, under the seller's lock
        CaseRef ref = cases.require(caseNumber);
        CaseRepository.Subject subject = cases.subject(ref.pk());
        store.lockSeller(subject.sellerPk()); // a sanction or another lift of this seller waits for this one
        List<String> issued = store.commands(ref.pk()).stream().map(Issued::command).toList();
        Listings.Facts listing = listings.require(subject.listingPk());
        List<String> lifted = new java.util.ArrayList<>();
        for (String restriction : List.of(TAKE_DOWN_LISTING, CLOSE_SHOP, BAN_SELLER)) {
            String restore = RESTORES.get(restriction);
            if (!which.contains(restriction) || !issued.contains(restriction) || issued.contains(restore)) {
                continue;
            }
            String heldBy = heldElsewhere(restriction, ref, subject, listing);
            if (heldBy == null) {
                command(caseNumber, restore, reason);
            } else { // lifted for this case; the platform keeps the restriction another case still imposes
                store.issueCommand(UUID.randomUUID(), ref.pk(), restore, listing.shopId(), null);
                journal.record(ref, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, restore + " not sent to the platform: "
                        + heldBy, "restore-withheld", Map.of("command", restore));
            }
            lifted.add(restore);
        }
        if (lifted.contains("LIFT_BAN") && !store.bannedByAnotherCase(subject.sellerPk(), ref.pk())) {
            network.unban(subject.sellerPk());
        }
        return lifted;
    }

    /** @return why another case still holds the restriction on the platform, or null when none does */
    private String heldElsewhere(String restriction, CaseRef ref, CaseRepository.Subject subject, Listings.Facts listing) {
        return switch (restriction) {
            case TAKE_DOWN_LISTING -> {
                List<Long> others = cases.ofListing(listing.platform(), listing.listingId(), 100).caseNumbers().stream()
                        .filter(n -> !n.equals(ref.caseNumber())).map(n -> cases.require(n).pk()).toList();
                yield store.listingDownByAnyOf(others) ? "another case of listing " + listing.key()
                        + " keeps it taken down" : null;
            }
            case CLOSE_SHOP -> store.shopClosedByAnotherCase(listing.shopId(), ref.pk())
                    ? "another case keeps shop " + listing.shopId() + " closed" : null;
            case BAN_SELLER -> store.bannedByAnotherCase(subject.sellerPk(), ref.pk())
                    ? "another case keeps the seller banned" : null;
            default -> null;
        };
    }

    private String write(Map<String, Object> statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
