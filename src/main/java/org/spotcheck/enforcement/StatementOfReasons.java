package org.spotcheck.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.VerificationRoute;
import org.spotcheck.evidence.EvidenceService;
import org.spotcheck.listing.Listings;
import org.spotcheck.verification.VerificationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The statement of reasons a restriction carries (EU DSA Art. 17): the facts, the verdict
 * and report it rests on, what of it was decided automatically, and how and until when the
 * seller may appeal. Never the buyer's persona, the video's address or staff names.
 */
@Component
class StatementOfReasons {

    private static final Map<String, String> MEASURES = Map.of(
            EnforcementService.WARN_SELLER, "The seller is warned; the case counts as a strike on the seller's record.",
            EnforcementService.TAKE_DOWN_LISTING, "The listing is taken down.",
            EnforcementService.CLOSE_SHOP, "The shop is closed.",
            EnforcementService.BAN_SELLER, "The seller is banned for good, with every identity key it registered with"
                    + " (ID document, bank account, phone, addresses).");
    static final String HOW = "Appeal free of charge through the seller portal with your grounds and evidence. Where a"
            + " rights holder verified the item, your declaration of non-infringement goes to the rights holder as a counter-notice, and the"
            + " restriction is lifted unless it shows a complaint or lawsuit within 15 days (PRC E-Commerce Law Art."
            + " 43); where a lab verified it, a person who did not work on the case decides (EU DSA Art. 20).";

    private final VerificationService verification;
    private final EvidenceService evidence;
    private final Clock clock;
    private final Duration window;

    StatementOfReasons(VerificationService verification, EvidenceService evidence, Clock clock,
                       @Value("${spotcheck.appeals.window:P180D}") Duration window) {
        this.verification = verification;
        this.evidence = evidence;
        this.clock = clock;
        this.window = window;
    }

    Map<String, Object> of(CaseRef ref, Listings.Facts listing, String command, String sanction) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("facts", "A test purchase of listing " + listing.listingId() + " (\"" + listing.title() + "\", brand "
                + listing.brand() + ") on " + listing.platform() + " from shop " + listing.shopId()
                + " was verified counterfeit in case " + ref.caseNumber() + ". " + MEASURES.get(command));
        statement.put("ground", verification.decisive(ref.pk()).map(d -> "Verdict " + d.verdict() + " by "
                        + (d.route() == VerificationRoute.RIGHTS_HOLDER ? "the rights holder " : "the accredited lab ")
                        + d.verifierId() + ", report " + d.reportReference()
                        + (d.answeredAt() == null ? "" : ", on " + d.answeredAt().toLocalDate())
                        + ". Sale of counterfeit goods infringes the brand's trademark (PRC Trademark Law Art. 57).")
                .orElse("A confirmed counterfeit."));
        statement.put("evidenceSummary", evidenceSummary(ref));
        statement.put("automated", sanction != null);
        statement.put("automatedDetail", sanction == null
                ? "The verdict was given by a person; the takedown follows from it."
                : "The verdict was given by a person; the measure (sanction " + sanction + ") was decided automatically"
                        + " by the sanction rules from the seller's prior strikes, the category and the sales.");
        statement.put("redress", Map.of("appealBy", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .plus(window).toString(), "how", HOW));
        return statement;
    }

    private String evidenceSummary(CaseRef ref) {
        List<EvidenceService.Item> items = evidence.items(ref.pk());
        String summary = items.stream().map(i -> switch (i.kind()) {
            case "VIDEO" -> "video of the test purchase (SHA-256 " + i.sha256() + ")";
            case "SAMPLE" -> "the item bought, kept under seal " + i.sealNumber();
            default -> i.kind().toLowerCase() + (i.sha256() == null ? "" : " (SHA-256 " + i.sha256() + ")");
        }).collect(Collectors.joining("; "));
        return summary.isEmpty() ? "No evidence items recorded." : "Evidence kept for at least 3 years: " + summary + ".";
    }
}
