package org.spotcheck.intake;

import static org.spotcheck.cases.CounterfeitCaseProcess.Vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.spotcheck.cases.CaseJournal;
import org.spotcheck.cases.CaseProcessStarter;
import org.spotcheck.cases.CaseRef;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.network.SellerNetwork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a flag into a case: the same flag id twice gives the same case, a flag for a
 * listing with an open case joins that case, anything else opens a case and starts
 * its process, all in one transaction.
 */
@Service
public class IntakeService {

    private final IntakeRepository intake;
    private final CaseRepository cases;
    private final CaseJournal journal;
    private final CaseProcessStarter processes;
    private final SellerNetwork network;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(IntakeRepository intake, CaseRepository cases, CaseJournal journal, CaseProcessStarter processes,
                  SellerNetwork network, ObjectMapper json, Clock clock) {
        this.network = network;
        this.intake = intake;
        this.cases = cases;
        this.journal = journal;
        this.processes = processes;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public IntakeResult receive(NewFlag flag, String receivedBy) {
        Optional<Long> claimed = intake.claimFlag(flag, receivedBy, toJson(flag));
        if (claimed.isEmpty()) {
            IntakeRepository.FlagReceipt receipt = intake.findFlag(flag.flagId()).orElseThrow();
            return answer(receipt.casePk(), receipt.merged(), false);
        }
        long flagPk = claimed.get();
        NewFlag.Listing listing = flag.listing();
        long sellerPk = intake.seller(listing.platform(), listing.sellerId());
        NewFlag.SellerIdentity identity = flag.sellerIdentity();
        if (identity != null) {
            network.addKey(sellerPk, "ID_DOCUMENT", identity.idDocumentHash());
            network.addKey(sellerPk, "BANK_ACCOUNT", identity.bankAccountHash());
            network.addKey(sellerPk, "PHONE", identity.phoneHash());
            network.addKey(sellerPk, "DISPATCH_ADDRESS", identity.dispatchAddressHash());
        }
        long listingPk = intake.listing(listing, sellerPk);

        Optional<CaseRef> opened = Optional.empty();
        Optional<CaseRef> open = Optional.empty();
        // an open case may close between the two statements: then try to open again
        for (int attempt = 0; attempt < 3 && opened.isEmpty() && open.isEmpty(); attempt++) {
            opened = cases.tryOpen(cases.nextCaseNumber(Year.now(clock)), listing.platform(), listing.listingId(),
                    listingPk, sellerPk, flag.signals().riskScore());
            if (opened.isEmpty()) {
                open = cases.findOpenByListing(listing.platform(), listing.listingId());
            }
        }
        if (opened.isEmpty()) {
            CaseRef merged = open.orElseThrow(() -> new IllegalStateException(
                    "listing " + listing.platform() + ":" + listing.listingId() + " keeps opening and closing"));
            intake.attachFlag(flagPk, merged.pk(), true);
            journal.record(merged, "FLAG", receivedBy,
                    "Flag " + flag.flagId() + " (" + flag.source() + ") merged into this open case",
                    "flag-merged", Map.of("flagId", flag.flagId(), "source", flag.source().name()));
            return answer(merged.pk(), true, false);
        }
        CaseRef ref = opened.get();
        intake.attachFlag(flagPk, ref.pk(), false);
        journal.record(ref, "FLAG", receivedBy,
                "Flag " + flag.flagId() + " (" + flag.source() + ") opened the case for listing "
                        + listing.platform() + ":" + listing.listingId(),
                "flagged", Map.of("flagId", flag.flagId(), "source", flag.source().name(),
                        "platform", listing.platform(), "listingId", listing.listingId(),
                        "shopId", listing.shopId(), "category", listing.category().name(),
                        "riskScore", flag.signals().riskScore()));
        processes.start(ref, processVariables(ref, flag, cases.priorStrikes(sellerPk), cases.cleanChecks(sellerPk)));
        return answer(ref.pk(), false, true);
    }

    private IntakeResult answer(long casePk, boolean merged, boolean created) {
        CaseRepository.CaseState state = cases.state(casePk);
        return new IntakeResult(state.caseNumber(), state.status(), state.processInstanceId(),
                merged ? state.caseNumber() : null, created);
    }

    private static Map<String, Object> processVariables(CaseRef ref, NewFlag flag, int priorStrikes,
                                                        int cleanChecks) {
        NewFlag.Signals s = flag.signals();
        NewFlag.Listing l = flag.listing();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.CASE_NUMBER, ref.caseNumber());
        vars.put(Vars.RISK_SCORE, s.riskScore().doubleValue());
        vars.put(Vars.DISPUTE_COUNT, s.disputeCount());
        vars.put(Vars.AVG_RATING, s.avgRating() == null ? null : s.avgRating().doubleValue());
        vars.put(Vars.PRICE_TO_MSRP, flag.priceToMsrp() == null ? null : flag.priceToMsrp().doubleValue());
        vars.put(Vars.CATEGORY, l.category().name());
        vars.put(Vars.PRIOR_STRIKES, priorStrikes);
        vars.put(Vars.CLEAN_CHECKS, cleanChecks);
        vars.put(Vars.SALES_VALUE_CNY, flag.salesValueCny() == null ? null : flag.salesValueCny().doubleValue());
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
