package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/** CONTRACT.md "Flags and cases": a flag that needs nothing is a signal, stored once; only work opens a case. */
class FlagsAsSignalsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private long caseRows() {
        return jdbc.sql("select (select count(*) from spot_case) + (select count(*) from timeline_entry)"
                + " + (select count(*) from outbox_event) + (select count(*) from flag)").query(Long.class).single();
    }

    private long signals(String flagId) {
        return jdbc.sql("select count(*) from flag_signal where flag_id = :f").param("f", flagId).query(Long.class).single();
    }

    @Test
    void aMonitorOrDismissFlagOpensNoCaseAndIsAnsweredWithItsDecision() {
        for (String decision : List.of("MONITOR", "DISMISS")) {
            ObjectNode flag = Flags.decidedAs(decision);
            String flagId = flag.get("flagId").asText();
            long before = caseRows();

            Api.Response answer = api().post("/api/cases", "intake", flag.toString());

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.location()).isEqualTo("/api/flags/" + flagId);
            assertThat(answer.json().get("flagId").asText()).isEqualTo(flagId);
            assertThat(answer.json().get("decision").asText()).isEqualTo(decision);
            assertThat(answer.json().get("priority").isInt()).isTrue();
            assertThat(answer.json().has("caseNumber")).isFalse();
            assertThat(caseRows()).as("no case, no timeline, no event, no flag of a case").isEqualTo(before);
            assertThat(signals(flagId)).isEqualTo(1);

            Api.Response again = api().post("/api/cases", "intake", flag.toString());
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(answer.json());
            assertThat(signals(flagId)).as("a resend stores nothing").isEqualTo(1);

            JsonNode stored = api().get("/api/flags/" + flagId, "analyst").json();
            assertThat(stored.get("decision").asText()).isEqualTo(decision);
            assertThat(stored.get("exploration").asBoolean()).isFalse();
            assertThat(stored.at("/listing/listingId").asText()).isEqualTo(Flags.listing(flag).get("listingId").asText());
            assertThat(stored.at("/signals/riskScore").decimalValue()).isEqualByComparingTo(
                    flag.at("/signals/riskScore").decimalValue());
            assertThat(stored.get("source").asText()).isEqualTo("RISK_MODEL");
            assertThat(stored.has("caseNumber")).isFalse();
            assertThat(stored.get("receivedAt").isNull()).isFalse();
        }
    }

    @Test
    void theThirdMonitorFlagOfAListingIn30DaysGoesToReview() {
        ObjectNode first = Flags.decidedAs("MONITOR");
        String platform = Flags.listing(first).get("platform").asText();
        String listingId = Flags.listing(first).get("listingId").asText();
        assertThat(api().post("/api/cases", "intake", first.toString()).json().get("decision").asText()).isEqualTo("MONITOR");
        ObjectNode second = Flags.decidedAs("MONITOR");
        Flags.listing(second).setAll(Flags.listing(first));
        assertThat(api().post("/api/cases", "intake", second.toString()).json().get("decision").asText()).isEqualTo("MONITOR");

        JsonNode watched = api().get("/api/listings/" + platform + "/" + listingId, "analyst").json();
        assertThat(watched.get("listing").fieldNames()).toIterable().containsExactly("platform", "listingId", "shopId",
                "sellerId", "title", "brand", "category", "priceCny", "url");
        assertThat(watched.at("/listing/sellerId").asText()).isEqualTo(Flags.listing(first).get("sellerId").asText());
        assertThat(watched.at("/listing/priceCny").isDouble()).as("a number, as it always was").isTrue();
        assertThat(watched.at("/watch/flagsLast30Days").asInt()).isEqualTo(2);
        assertThat(watched.at("/watch/lastDecision").asText()).isEqualTo("MONITOR");
        assertThat(watched.has("openCase")).isFalse();
        assertThat(watched.get("cases")).isEmpty();

        ObjectNode third = Flags.decidedAs("MONITOR");
        Flags.listing(third).setAll(Flags.listing(first));
        Api.Response escalated = api().post("/api/cases", "intake", third.toString());

        assertThat(escalated.status()).as(escalated.body()).isEqualTo(201);
        assertThat(escalated.json().get("decision").asText()).isEqualTo("REVIEW");
        assertThat(escalated.json().get("status").asText()).isEqualTo("AWAITING_REVIEW");
        String caseNumber = escalated.json().get("caseNumber").asText();
        JsonNode view = api().get("/api/cases/" + caseNumber, "analyst").json();
        assertThat(view.at("/timeline/0/text").asText()).contains("flag 3 of the listing in 30 days");
        assertThat(view.get("flags")).extracting(f -> f.get("flagId").asText())
                .containsExactly(third.get("flagId").asText()); // the signals before it stay signals

        watched = api().get("/api/listings/" + platform + "/" + listingId, "analyst").json();
        assertThat(watched.at("/watch/flagsLast30Days").asInt()).isEqualTo(3);
        assertThat(watched.at("/watch/lastDecision").asText()).isEqualTo("REVIEW");
        assertThat(watched.get("openCase").asText()).isEqualTo(caseNumber);
        assertThat(watched.get("cases")).extracting(JsonNode::asText).containsExactly(caseNumber);
        assertThat(watched.at("/listing/sellerId").asText()).isEqualTo(Flags.listing(first).get("sellerId").asText());
        assertThat(api().get("/api/flags/" + third.get("flagId").asText(), "intake").json().get("caseNumber").asText())
                .isEqualTo(caseNumber);

        // a fourth flag joins the open case
        ObjectNode fourth = Flags.decidedAs("DISMISS");
        Flags.listing(fourth).setAll(Flags.listing(first));
        Api.Response joined = api().post("/api/cases", "intake", fourth.toString());
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().get("mergedInto").asText()).isEqualTo(caseNumber);
        assertThat(joined.location()).isEqualTo("/api/cases/" + caseNumber);
    }

    @Test
    void aBatchAnswersEachFlagInOrderAndStoresOnlyTheValidOnes() throws Exception {
        ObjectNode low = Flags.decidedAs("DISMISS");
        ObjectNode high = Flags.decidedAs("TEST_BUY");
        ObjectNode joining = Flags.decidedAs("MONITOR");
        Flags.listing(joining).setAll(Flags.listing(high));
        ObjectNode invalid = Flags.decidedAs("DISMISS");
        Flags.signals(invalid).put("riskScore", 7);
        Flags.listing(invalid).put("category", "WEAPONS");
        ArrayNode flags = JSON.createArrayNode().add(low).add(high).add(invalid).add(joining).add(low);
        String body = JSON.createObjectNode().set("flags", flags).toString();

        Api.Response answer = api().post("/api/flags", "intake", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("decision").asText()).isEqualTo("DISMISS");
        assertThat(results.get(0).get("duplicate").asBoolean()).isFalse();
        assertThat(results.get(0).has("caseNumber")).isFalse();
        assertThat(results.get(1).get("decision").asText()).isEqualTo("TEST_BUY");
        String caseNumber = results.get(1).get("caseNumber").asText();
        assertThat(caseNumber).startsWith("CF-");
        assertThat(results.get(2).get("flagId").asText()).isEqualTo(invalid.get("flagId").asText());
        assertThat(results.get(2).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("listing.category");
        assertThat(results.get(3).get("mergedInto").asText()).isEqualTo(caseNumber);
        assertThat(results.get(4).get("duplicate").asBoolean()).as("the same flag twice in a batch").isTrue();
        assertThat(results.get(4).get("decision").asText()).isEqualTo("DISMISS");
        assertThat(signals(invalid.get("flagId").asText())).isZero();
        assertThat(signals(low.get("flagId").asText())).isEqualTo(1);

        // sent again: every flag a duplicate with the same decision, nothing new
        JsonNode again = api().post("/api/flags", "intake", body).json().get("results");
        assertThat(again.get(0).get("duplicate").asBoolean()).isTrue();
        assertThat(again.get(1).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(again.get(3).get("mergedInto").asText()).isEqualTo(caseNumber);
    }

    @Test
    void aBatchThatIsTooLongTooLargeOrNotJsonIsRefusedWhole() {
        ArrayNode many = JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            many.add(Flags.decidedAs("DISMISS"));
        }
        Api.Response tooMany = api().post("/api/flags", "intake", JSON.createObjectNode().set("flags", many).toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.isProblem()).isTrue();
        assertThat(tooMany.json().at("/errors/0/field").asText()).isEqualTo("flags");
        assertThat(signals(many.get(0).get("flagId").asText())).isZero();

        Api.Response malformed = api().post("/api/flags", "intake", "{\"flags\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(api().post("/api/flags", "intake", "{\"flag\": []}").status()).isEqualTo(400);

        ObjectNode padded = Flags.decidedAs("DISMISS");
        padded.put("padding", "x".repeat(4 * 1024 * 1024));
        Api.Response tooLarge = api().post("/api/flags", "intake",
                JSON.createObjectNode().set("flags", JSON.createArrayNode().add(padded)).toString());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
    }

    @Test
    void rolesAndUnknownFlagsAndListings() {
        String body = JSON.createObjectNode().set("flags", JSON.createArrayNode().add(Flags.decidedAs("DISMISS")))
                .toString();
        assertThat(api().post("/api/flags", "analyst", body).status()).isEqualTo(403);
        assertThat(api().post("/api/flags", null, body).status()).isEqualTo(401);
        assertThat(api().get("/api/flags/RM-NEVER-SENT", "intake").status()).isEqualTo(404);
        Api.Response unknown = api().get("/api/flags/RM-NEVER-SENT", "manager");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(api().get("/api/flags/RM-NEVER-SENT", "rh-acme").status()).isEqualTo(403);
        assertThat(api().get("/api/listings/taobao/NEVER-FLAGGED", "analyst").status()).isEqualTo(404);
        assertThat(api().get("/api/listings/taobao/NEVER-FLAGGED", "intake").status()).isEqualTo(403);
    }
}
