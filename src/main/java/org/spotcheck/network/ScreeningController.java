package org.spotcheck.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotcheck.cases.CaseRepository;
import org.spotcheck.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market-entry screening: a new shop's identity hashes against every seller on record.
 * BLOCK when any key belongs to a permanently banned seller, REVIEW when a key links to
 * a seller (or network) with strikes, otherwise ALLOW. One indexed lookup per key.
 */
@RestController
@Tag(name = "Screening", description = "Market-entry screening: a new shop's identity against every seller on record,"
        + " so a banned seller cannot come back under a new name.")
class ScreeningController {

    private final JdbcClient jdbc;
    private final CaseRepository cases;

    ScreeningController(JdbcClient jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** A key on record: its seller and the seller's network. */
    private record Holder(String keyType, String platform, String sellerId, boolean banned, long networkId) {
    }

    @Operation(summary = "Screen a new shop", description = """
            Role: integrations. A new shop's identity hashes (at least one) against every seller on record: \
            `BLOCK` when a key belongs to a permanently banned seller, `REVIEW` when a key links to a seller or \
            network with strikes (cases closed counterfeit), otherwise `ALLOW`; `matches` names each seller found.""")
    @ApiResponse(responseCode = "200", description = "The decision and the sellers the keys match", content = @Content(
            schema = @Schema(implementation = Screening.class), examples = @ExampleObject(value = """
                    {"decision": "REVIEW", "matches": [{"keyType": "BANK_ACCOUNT", "platform": "taobao", \
                    "sellerId": "SELLER-9", "banned": false, "networkStrikes": 2}]}""")))
    @ApiProblem(status = 400, title = "Invalid request", field = "anyKey", detail = "anyKey at least one identity hash is required")
    @PostMapping(path = "/api/screenings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    Screening screen(@Valid @RequestBody Registration registration) {
        List<Holder> holders = new ArrayList<>();
        registration.keys().forEach((type, hash) -> holders.addAll(jdbc.sql("""
                select k.key_type, s.platform, s.seller_id, (k.banned or s.banned_at is not null) as banned, s.network_id
                from seller_identity_key k join seller s on s.id = k.seller_pk
                where k.key_type = :type and k.key_hash = :hash""")
                .param("type", type).param("hash", hash).query(Holder.class).list()));
        Map<Long, Long> strikes = networkStrikes(holders.stream().map(Holder::networkId).distinct().toList());
        List<Match> matches = holders.stream().map(h -> new Match(h.keyType(), h.platform(), h.sellerId(), h.banned(),
                strikes.getOrDefault(h.networkId(), 0L))).toList();
        String decision = matches.stream().anyMatch(Match::banned) ? "BLOCK"
                : matches.stream().anyMatch(m -> m.networkStrikes() > 0) ? "REVIEW" : "ALLOW";
        return new Screening(decision, matches);
    }

    /** Each network's strikes: the cases of its sellers closed as counterfeit (cases counts them). */
    private Map<Long, Long> networkStrikes(List<Long> networks) {
        Map<Long, Long> strikes = new HashMap<>();
        if (networks.isEmpty()) {
            return strikes;
        }
        Map<Long, Long> networkOf = new HashMap<>();
        jdbc.sql("select id, network_id from seller where network_id in (:networks)").param("networks", networks)
                .query((rs, i) -> networkOf.put(rs.getLong(1), rs.getLong(2))).list();
        cases.counterfeitCounts(networkOf.keySet()).forEach((seller, count) ->
                strikes.merge(networkOf.get(seller), (long) count, Long::sum));
        return strikes;
    }

    @Schema(description = "A shop registration's identity keys, hashed as in a flag's sellerIdentity; at least one")
    record Registration(@Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                        @Size(max = 200) String idDocumentHash,
                        @Schema(example = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")
                        @Size(max = 200) String bankAccountHash,
                        @Size(max = 200) String phoneHash, @Size(max = 200) String dispatchAddressHash,
                        @Size(max = 200) String returnAddressHash) {

        Map<String, String> keys() {
            Map<String, String> keys = new LinkedHashMap<>();
            put(keys, "ID_DOCUMENT", idDocumentHash);
            put(keys, "BANK_ACCOUNT", bankAccountHash);
            put(keys, "PHONE", phoneHash);
            put(keys, "DISPATCH_ADDRESS", dispatchAddressHash);
            put(keys, "RETURN_ADDRESS", returnAddressHash);
            return keys;
        }

        @AssertTrue(message = "at least one identity hash is required")
        boolean isAnyKey() {
            return !keys().isEmpty();
        }

        private static void put(Map<String, String> keys, String type, String hash) {
            if (hash != null && !hash.isBlank()) {
                keys.put(type, hash.trim());
            }
        }
    }

    record Match(String keyType, String platform, String sellerId, boolean banned, long networkStrikes) {
    }

    record Screening(String decision, List<Match> matches) {
    }
}
