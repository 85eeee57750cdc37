package org.spotcheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** POST /api/screenings: a new shop's identity hashes against everyone on record. */
class ScreeningTest extends CaseFlows {

    private Api.Response screen(String body) {
        return api().post("/api/screenings", "intake", body);
    }

    private ObjectNode flagFor(String seller, String phone) {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("sellerId", seller);
        flag.putObject("sellerIdentity").put("phoneHash", phone).put("bankAccountHash", "bank-" + phone);
        return flag;
    }

    @Test
    void unknownKeysAreAllowed() {
        JsonNode result = screen("{\"phoneHash\": \"" + UUID.randomUUID() + "\"}").json();
        assertThat(result.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(result.get("matches")).isEmpty();
    }

    @Test
    void aKeyOfASellerWithStrikesIsReviewedAndOfABannedSellerBlocked() {
        String phone = "phone-" + UUID.randomUUID();
        String seller = "S-" + UUID.randomUUID();
        counterfeit(flagFor(seller, phone));

        JsonNode review = screen("{\"phoneHash\": \"" + phone + "\", \"idDocumentHash\": \"new-id\"}").json();
        assertThat(review.get("decision").asText()).isEqualTo("REVIEW");
        assertThat(review.get("matches")).extracting(m -> m.get("sellerId").asText()).containsExactly(seller);
        assertThat(review.at("/matches/0/keyType").asText()).isEqualTo("PHONE");
        assertThat(review.at("/matches/0/networkStrikes").asInt()).isEqualTo(1);

        counterfeit(flagFor(seller, phone));
        counterfeit(flagFor(seller, phone)); // third strike: permanent ban

        JsonNode block = screen("{\"bankAccountHash\": \"bank-" + phone + "\"}").json();
        assertThat(block.get("decision").asText()).isEqualTo("BLOCK");
        assertThat(block.at("/matches/0/banned").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefused() {
        Api.Response empty = screen("{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(empty.json().get("detail").asText()).contains("at least one identity hash");
        assertThat(screen("{\"phoneHash\": \"" + "x".repeat(201) + "\"}").status()).isEqualTo(400);
        assertThat(screen("not json").status()).isEqualTo(400);
        assertThat(api().post("/api/screenings", "analyst", "{\"phoneHash\": \"x\"}").status()).isEqualTo(403);
    }
}
