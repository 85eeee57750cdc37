package org.spotcheck.enforcement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.intake.IntakeResult;
import org.spotcheck.intake.IntakeService;
import org.spotcheck.intake.domain.Category;
import org.spotcheck.intake.domain.FlagSource;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.network.SellerNetwork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A confirmed fake puts the seller's whole network under suspicion: every linked seller
 * without an open case gets one, through the normal intake path. The flag id is derived
 * from the origin case and the seller, so a retried step creates nothing twice.
 */
@Service
class LinkedCases {

    /** Risk given to a linked seller's listing: high enough for a test buy at priority 1. */
    static final BigDecimal LINKED_RISK = new BigDecimal("0.90");

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final SellerNetwork network;
    private final IntakeService intake;

    LinkedCases(JdbcClient jdbc, CaseRepository cases, CaseJournal journal, SellerNetwork network, IntakeService intake) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.journal = journal;
        this.network = network;
        this.intake = intake;
    }

    @Transactional
    List<String> spawnFor(String caseNumber) {
        CaseRef origin = cases.require(caseNumber);
        long sellerPk = jdbc.sql("select seller_pk from spot_case where id = :case").param("case", origin.pk())
                .query(Long.class).single();
        List<String> opened = new ArrayList<>();
        int skipped = 0;
        for (long member : network.membersOf(sellerPk)) {
            if (member == sellerPk) {
                continue;
            }
            Optional<NewFlag> flag = latestListingOf(member, caseNumber);
            boolean hasOpenCase = jdbc.sql("select count(*) from spot_case where seller_pk = :s and closed_at is null")
                    .param("s", member).query(Long.class).single() > 0;
            if (flag.isEmpty() || (hasOpenCase && !alreadyFlagged(flag.get().flagId()))) {
                skipped++;
                continue;
            }
            IntakeResult result = intake.receive(flag.get(), CaseJournal.ACTOR_SYSTEM);
            opened.add(result.caseNumber());
        }
        if (!opened.isEmpty() || skipped > 0) {
            journal.record(origin, "ENFORCEMENT", CaseJournal.ACTOR_SYSTEM, "Linked sellers: cases " + opened
                    + (skipped > 0 ? "; " + skipped + " skipped (open case, or no listing known)" : ""),
                    "linked-cases", Map.of("caseNumbers", opened));
        }
        return opened;
    }

    private boolean alreadyFlagged(String flagId) {
        return jdbc.sql("select count(*) from flag where flag_id = :f").param("f", flagId).query(Long.class).single() > 0;
    }

    private Optional<NewFlag> latestListingOf(long sellerPk, String originCase) {
        return jdbc.sql("""
                select l.platform, l.listing_id, l.shop_id, s.seller_id, l.title, l.brand, l.category, l.price_cny, l.url
                from listing l join seller s on s.id = l.seller_pk where l.seller_pk = :seller
                order by l.updated_at desc, l.id desc limit 1""")
                .param("seller", sellerPk)
                .query((rs, n) -> new NewFlag("LINK-" + originCase + "-" + rs.getString("seller_id"),
                        FlagSource.LINKED_SELLER,
                        new NewFlag.Listing(rs.getString("platform"), rs.getString("listing_id"), rs.getString("shop_id"),
                                rs.getString("seller_id"), rs.getString("title"), rs.getString("brand"),
                                Category.valueOf(rs.getString("category")), rs.getBigDecimal("price_cny"),
                                rs.getString("url")),
                        new NewFlag.Signals(LINKED_RISK, null, null, null, null, null), null))
                .optional();
    }
}
