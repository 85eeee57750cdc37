package org.spotcheck.enforcement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.enforcement.domain.LinkedFlagId;
import org.spotcheck.intake.FlagAnswer;
import org.spotcheck.intake.IntakeService;
import org.spotcheck.intake.domain.Category;
import org.spotcheck.intake.domain.FlagSource;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.listing.Listings;
import org.spotcheck.network.SellerNetwork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A confirmed fake puts the seller's whole network under suspicion: every linked seller
 * without an open case gets one, through the normal intake path. The flag id is derived
 * from the origin case and the seller ({@link LinkedFlagId}), so a retried step creates
 * nothing twice. Its cost grows with the network, not its statements: the members are
 * read at once and handed to intake in batches, and what it records names a count.
 */
@Service
class LinkedCases {

    /** Risk given to a linked seller's listing: high enough for a test buy at priority 1. */
    static final BigDecimal LINKED_RISK = new BigDecimal("0.90");
    /** Flags handed to intake at once: a Kafka poll's worth, what its set-based statements are built for. */
    static final int BATCH = 500;
    /** Case numbers the timeline entry and the event name at most; the count says how many in all. */
    static final int NAMED = 20;

    private final CaseRepository cases;
    private final Listings listings;
    private final SellerNetwork network;
    private final CaseJournal journal;
    private final IntakeService intake;

    LinkedCases(CaseRepository cases, Listings listings, SellerNetwork network, CaseJournal journal,
                IntakeService intake) {
        this.cases = cases;
        this.listings = listings;
        this.network = network;
        this.journal = journal;
        this.intake = intake;
    }

    private record Member(String flagId, NewFlag.Listing listing, boolean hasOpenCase) {
    }

    @Transactional
    List<String> spawnFor(String caseNumber) {
        CaseRef origin = cases.require(caseNumber);
        List<Member> members = linkedSellersOf(cases.sellerOf(origin.pk()), caseNumber);
        Set<String> flaggedBefore = intake.caseFlagsOnRecord(members.stream().map(Member::flagId).toList());
        List<NewFlag> flags = new ArrayList<>();
        for (Member member : members) {
            // a seller with an open case is being looked at already; one this step flagged before answers again
            if (member.listing() != null && (!member.hasOpenCase() || flaggedBefore.contains(member.flagId()))) {
                flags.add(new NewFlag(member.flagId(), FlagSource.LINKED_SELLER, member.listing(),
                        new NewFlag.Signals(LINKED_RISK, null, null, null, null, null), null, null));
            }
        }
        List<String> opened = new ArrayList<>(flags.size());
        for (int from = 0; from < flags.size(); from += BATCH) {
            intake.receiveAll(flags.subList(from, Math.min(flags.size(), from + BATCH)), CaseJournal.ACTOR_SYSTEM)
                    .stream().map(FlagAnswer::caseNumber).filter(java.util.Objects::nonNull).forEach(opened::add);
        }
        int skipped = members.size() - flags.size();
        if (!opened.isEmpty() || skipped > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("opened", opened.size());
            data.put("skipped", skipped);
            data.put("caseNumbers", opened.subList(0, Math.min(NAMED, opened.size())));
            journal.record(origin, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, summary(opened, skipped), "linked-cases", data);
        }
        return opened;
    }

    /** The other sellers of the network, each with its latest listing (none when no listing is known). */
    private List<Member> linkedSellersOf(long sellerPk, String originCase) {
        List<Long> others = network.networkOf(sellerPk).sellerPks().stream().filter(pk -> pk != sellerPk).toList();
        Map<Long, SellerNetwork.SellerName> names = network.names(others);
        Map<Long, Listings.Facts> newest = listings.newestOfSellers(others);
        Set<Long> busy = cases.sellersWithOpenCases(others);
        List<Member> members = new ArrayList<>(others.size());
        for (long other : others) {
            String sellerId = names.get(other).sellerId();
            Listings.Facts l = newest.get(other);
            members.add(new Member(LinkedFlagId.of(originCase, sellerId), l == null ? null
                    : new NewFlag.Listing(l.platform(), l.listingId(), l.shopId(), sellerId, l.title(), l.brand(),
                            Category.valueOf(l.category()), l.priceCny(), l.url()), busy.contains(other)));
        }
        return members;
    }

    /** "Linked sellers: 300 cases (CF-…, … and 280 more); 2 skipped (…)": bounded, whatever the network's size. */
    static String summary(List<String> opened, int skipped) {
        StringBuilder text = new StringBuilder("Linked sellers: ").append(opened.size())
                .append(opened.size() == 1 ? " case" : " cases");
        if (!opened.isEmpty()) {
            text.append(" (").append(String.join(", ", opened.subList(0, Math.min(NAMED, opened.size()))));
            if (opened.size() > NAMED) {
                text.append(" and ").append(opened.size() - NAMED).append(" more");
            }
            text.append(')');
        }
        if (skipped > 0) {
            text.append("; ").append(skipped).append(" skipped (open case, or no listing known)");
        }
        return text.toString();
    }
}
