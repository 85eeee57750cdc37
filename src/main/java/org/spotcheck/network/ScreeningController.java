package org.spotcheck.network;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
class ScreeningController {

    private final JdbcClient jdbc;

    ScreeningController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping(path = "/api/screenings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    Screening screen(@Valid @RequestBody Registration registration) {
        List<Match> matches = new ArrayList<>();
        registration.keys().forEach((type, hash) -> matches.addAll(jdbc.sql("""
                select k.key_type, s.platform, s.seller_id, (k.banned or s.banned_at is not null) as banned,
                       (select count(*) from spot_case c join seller n on n.id = c.seller_pk
                        where n.network_id = s.network_id and c.outcome = 'COUNTERFEIT') as network_strikes
                from seller_identity_key k join seller s on s.id = k.seller_pk
                where k.key_type = :type and k.key_hash = :hash""")
                .param("type", type).param("hash", hash).query(Match.class).list()));
        String decision = matches.stream().anyMatch(Match::banned) ? "BLOCK"
                : matches.stream().anyMatch(m -> m.networkStrikes() > 0) ? "REVIEW" : "ALLOW";
        return new Screening(decision, matches);
    }

    record Registration(@Size(max = 200) String idDocumentHash, @Size(max = 200) String bankAccountHash,
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
