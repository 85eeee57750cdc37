package org.spotcheck.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** Counterfeit cases at each sanction level, end to end, with the commands the platform receives. */
class SanctionLevelsTest extends CaseFlows {

    private JsonNode counterfeitView(ObjectNode flag) {
        return view(counterfeit(flag));
    }

    private static java.util.List<String> commands(JsonNode view) {
        java.util.List<String> commands = new java.util.ArrayList<>();
        view.at("/sanction/commands").forEach(c -> commands.add(c.get("command").asText()));
        return commands;
    }

    @Test
    void noticeableSalesRemoveTheListing() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.signals(flag).put("salesCount", 100); // 8,900 CNY

        JsonNode view = counterfeitView(flag);

        assertThat(view.at("/sanction/level").asText()).isEqualTo("LISTING_REMOVAL");
        assertThat(commands(view)).containsExactly("TAKE_DOWN_LISTING");
    }

    @Test
    void aFakeHealthProductClosesTheShopAndGoesToTheRegulator() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "COSMETICS");

        JsonNode view = counterfeitView(flag);

        assertThat(view.at("/sanction/level").asText()).isEqualTo("SHOP_CLOSURE");
        assertThat(commands(view)).containsExactlyInAnyOrder("TAKE_DOWN_LISTING", "CLOSE_SHOP");
        assertThat(view.at("/referral/refer").asBoolean()).isTrue();
        assertThat(view.at("/referral/agency").asText()).isEqualTo("MARKET_REGULATION");
    }

    @Test
    void criminalScaleGoesToThePolice() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.signals(flag).put("salesCount", 1000); // 89,000 CNY

        JsonNode view = counterfeitView(flag);

        assertThat(view.at("/sanction/level").asText()).isEqualTo("SHOP_CLOSURE");
        assertThat(view.at("/referral/agency").asText()).isEqualTo("PUBLIC_SECURITY");
    }

    @Test
    void theThirdStrikeBansTheSellerAndEveryIdentityKey() {
        String seller = "SELLER-" + UUID.randomUUID();
        JsonNode view = null;
        for (int strike = 1; strike <= 3; strike++) {
            ObjectNode flag = Flags.decidedAs("TEST_BUY");
            Flags.listing(flag).put("sellerId", seller);
            view = counterfeitView(flag);
        }

        assertThat(view.at("/sanction/level").asText()).isEqualTo("PERMANENT_BAN");
        assertThat(commands(view)).containsExactlyInAnyOrder("TAKE_DOWN_LISTING", "CLOSE_SHOP", "BAN_SELLER");
        assertThat(jdbc.sql("select banned_at is not null from seller where seller_id = :s").param("s", seller)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                select bool_and(k.banned) and count(*) >= 2 from seller_identity_key k join seller s on s.id = k.seller_pk
                where s.seller_id = :s""").param("s", seller).query(Boolean.class).single()).isTrue();
        assertThat(view.at("/referral/agency").asText()).isEqualTo("MARKET_REGULATION");
    }
}
